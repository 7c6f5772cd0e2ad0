import Foundation

/// `Content/site.yml`: who publishes the portal and how. Every key has a documented default,
/// so a commune can start from an empty file.
public struct SiteConfig: Sendable {
    /// Portal name, shown in every page header.
    public var name = "Cổng công khai thông tin"
    /// "xã Đông Sơn"
    public var commune = ""
    /// Default issuer of records: "UBND xã Đông Sơn".
    public var issuer = "Ủy ban nhân dân xã"
    /// The issuer code in ký hiệu (`UBND`).
    public var issuerCode = "UBND"
    /// Place name of date lines ("Đông Sơn, ngày …").
    public var place = ""
    /// "huyện Yên Thế, tỉnh Bắc Giang"
    public var parent = ""
    /// Absolute URL the portal is served from, ending in "/".
    public var baseURL = "http://localhost:8080/"
    /// The commune's time zone: days are calendar days there (`timezone:`, an IANA name).
    public var timeZone = SiteConfig.vietnam
    /// Asia/Ho_Chi_Minh, the default.
    public static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    public var language = "vi"
    public var contact = Contact()
    /// How citizens send comments, one sentence.
    public var feedback = ""
    public var numbering = Numbering.yearly
    public var policy = PolicySettings()

    public init() {}

    public struct Contact: Sendable, Hashable {
        public var email: String?
        public var address: String?
        public var phone: String?
        public init() {}
    }

    /// Decree 30/2020 Art. 15: numbers restart every 1 January, one series per issuer (the seed's
    /// practice: 127 KH → 156 QC → 164 BC → 170 KH) or one per type.
    public enum Numbering: String, Sendable, CaseIterable {
        case yearly
        case perType = "per-type"
    }
}

/// Overrides of the legal timing rules from `site.yml` `policy:`. The defaults themselves, with
/// their legal sources, live in the Compliance module; this is only what the commune wrote.
public struct PolicySettings: Sendable, Hashable {
    /// Whether a làm-bù Saturday counts as a working day for deadlines (default: yes).
    public var countsSwappedSaturdays = true
    /// Per regime (`law`, `agency`), per category (`agency-6.9`) and per type code (`TB`).
    public var regimes: [String: RuleOverride] = [:]
    public var categories: [String: RuleOverride] = [:]
    public var types: [String: RuleOverride] = [:]

    public init() {}
}

/// A commune's or a record's own timing rule.
public struct RuleOverride: Sendable, Hashable {
    /// Minimum posting length in days (Civil Code Art. 147 counting).
    public var minDays: Int?
    /// Deadline to start posting, in working days after the record's date.
    public var deadlineWorkingDays: Int?
    /// Posted permanently (niêm yết thường xuyên).
    public var permanent: Bool?
    /// The legal source of the override.
    public var basis: String?

    public init(minDays: Int? = nil, deadlineWorkingDays: Int? = nil, permanent: Bool? = nil, basis: String? = nil) {
        self.minDays = minDays
        self.deadlineWorkingDays = deadlineWorkingDays
        self.permanent = permanent
        self.basis = basis
    }
}

extension SiteConfig {
    /// Why `text` cannot be the portal's address, in Vietnamese and English; nil when it can.
    /// The address lands in robots.txt, sitemap.xml, calendar.ics and feeds, so a line break or
    /// any other control or space would start a line of its own there.
    public static func baseURLProblem(_ text: String) -> (vi: String, en: String)? {
        if let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace
                                                       || $0.properties.generalCategory == .format }) {
            let shown = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return ("địa chỉ cổng không được chứa dấu cách, xuống dòng hay ký tự điều khiển (\(shown))",
                    "the portal's address must hold no space, line break or control character (\(shown))")
        }
        guard text.hasPrefix("https://") || text.hasPrefix("http://"),
              let url = URL(string: text), let host = url.host, !host.isEmpty else {
            return ("địa chỉ cổng phải là địa chỉ tuyệt đối bắt đầu bằng https:// hoặc http://, ví dụ https://congkhai.example.gov.vn/",
                    "the portal's address must be an absolute address starting with https:// or http://, such as https://congkhai.example.gov.vn/")
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
