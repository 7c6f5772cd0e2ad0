import Disclosure

/// What `congkhai new` is asked to write.
public struct NewRecord: Sendable {
    /// A type code as typed: exact (QĐ), in any case (kh → KH), or without its marks when that is
    /// unambiguous (QD → QĐ, QyD → QyĐ; HD stays Hướng dẫn, as written).
    public static func type(named code: String) -> DocumentType? {
        if let exact = DocumentType.named(code) { return exact }
        let folded = TextFolding.fold(code)
        let matches = DocumentType.all.filter { TextFolding.fold($0.code) == folded }
        return matches.count == 1 ? matches[0] : nil
    }

    public var type: DocumentType
    public var title: String?
    public var date: Day
    /// nil: no number (minutes, drafts).
    public var number: Int?
    public var isDraft = false
    public var minutes: MinutesKind?
    /// For posting minutes: the record that is posted, whose period the minutes state.
    public var subject: Record?

    public init(type: DocumentType, title: String? = nil, date: Day, number: Int? = nil) {
        self.type = type
        self.title = title
        self.date = date
        self.number = number
    }
}

/// The text and place of a new record: front matter with the fields of its type filled in or
/// commented out with a hint, and a skeleton body in the usual outline of that type. Pure: the
/// command decides the date, the number and the subject, and writes the file.
public enum RecordTemplate {
    public static let placeholderTitle = "Chưa có trích yếu"

    /// `documents/2024/171-kh-ubnd.md`, or for a record without a number its type, kind and date:
    /// `documents/2024/bien-ban-niem-yet-2024-02-05.md`.
    public static func path(for request: NewRecord, site: SiteConfig) -> String {
        let name: String
        if let number = documentNumber(request, site: site) {
            name = TextFolding.slug(number)
        } else {
            var kind = request.isDraft ? "du thao " + request.type.nameVI : request.type.nameVI
            if let minutes = request.minutes, minutes != .other { kind = minutes.vietnamese }
            // A title tells records of one day apart; cut at a word so names stay readable.
            var title = TextFolding.slug(request.title ?? "")
            if title.count > 40 { title = title.prefix(40).split(separator: "-").dropLast().joined(separator: "-") }
            name = [TextFolding.slug(kind), title, request.date.iso].filter { !$0.isEmpty }.joined(separator: "-")
        }
        return "documents/\(request.date.year)/\(name).md"
    }

    /// "171/KH-UBND"
    public static func documentNumber(_ request: NewRecord, site: SiteConfig) -> String? {
        guard let number = request.number else { return nil }
        // An official letter's symbol is issuer and drafting unit (45/UBND-VP, Decree 30/2020 Appendix I);
        // at a commune the office (Văn phòng – Thống kê) drafts most of them.
        if request.type == .officialLetter { return "\(number)/\(site.issuerCode)-VP" }
        return "\(number)/\(request.type.code)-\(site.issuerCode)"
    }

    public static func text(for request: NewRecord, site: SiteConfig, today: Day) -> String {
        var out = "# Written by `congkhai new` on \(today.iso). Replace every “…”, then run `congkhai check`.\n"
        if let number = documentNumber(request, site: site) {
            out += YAMLText.line("number", YAMLText.quoted(number), comment: "the next free number of \(request.date.year)")
        }
        out += YAMLText.line("title", YAMLText.quoted(title(for: request)), comment: request.title == nil ? "trích yếu: what the record is about" : nil)
        out += YAMLText.line("date", request.date.iso, comment: "ngày ban hành")
        out += YAMLText.line("type", request.type.code, comment: request.type.nameVI)
        if request.isDraft { out += YAMLText.line("draft", "true", comment: "dự thảo, published for comments") }
        if !site.place.isEmpty { out += YAMLText.line("place", YAMLText.quoted(site.place)) }
        if request.type.code == "BB" {
            out += YAMLText.line("minutes", (request.minutes ?? .meeting).rawValue, comment: "meeting | posting-start | posting-end | ballot | other")
            out += "# time: \"…\"                      # when the minutes were drawn up, e.g. \"15:00\"\n"
        }
        if let subject = request.subject {
            out += YAMLText.line("subject", subject.id, comment: YAMLText.quoted(subject.displayName))
        } else if request.type.code == "BB" || request.type.code == "BC" {
            out += "# subject: …                      # the id or number of the record these \(request.type.code == "BB" ? "minutes are" : "report is") about\n"
        }
        out += "# signer: \"…\"                    # who signs\n"
        out += "# signer_title: \"Chủ tịch\"\n"
        out += "# signing_capacity: \"TM. Ủy ban nhân dân\"\n"
        if isPosted(request) {
            out += "# category: agency-6.9              # law-11.N (to citizens, 30 days) or agency-6.N (internal, 20 days)\n"
            out += "# posting:                          # uncomment when the record is posted\n"
            out += "#   start: \(request.date.iso)\n"
            out += "#   days: 30\n"
            out += "#   places: [\"Bảng thông báo UBND xã\", portal]\n"
        }
        if let subject = request.subject {
            out += YAMLText.list("references", [subject.displayNumber ?? subject.id])
        } else {
            out += "# references: [\"…\"]               # Căn cứ: numbers of records, or citations\n"
        }
        return "---\n" + out + "---\n\n" + body(for: request, site: site)
    }

    private static func title(for request: NewRecord) -> String {
        if let title = request.title, !title.isEmpty { return title }
        switch (request.minutes, request.subject) {
        case (.postingStart?, let subject?): return "Niêm yết công khai \(subject.displayName.lowercasedFirst)"
        case (.postingEnd?, let subject?): return "Kết thúc niêm yết công khai \(subject.displayName.lowercasedFirst)"
        default: return placeholderTitle
        }
    }

    /// Types that are themselves posted for the public or the staff (not minutes, not reports).
    private static func isPosted(_ request: NewRecord) -> Bool {
        !["BB", "BC", "GM", "GGT", "GNP", "PG", "PC", "PB"].contains(request.type.code)
    }

    private static func body(for request: NewRecord, site: SiteConfig) -> String {
        let issuer = site.issuer
        if let subject = request.subject, let posting = subject.posting, let kind = request.minutes {
            let period = PostingWords.period(posting)
            let places = posting.places.filter { $0 != "portal" }
            let where_ = places.isEmpty ? "…" : places.joined(separator: "; ")
            let posted = subject.displayNumber.map { "\(subject.type.nameVI) số \($0): " } ?? (subject.isDraft ? "Dự thảo: " : "")
            switch kind {
            case .postingStart:
                return """
                \(issuer) tổ chức công khai bằng hình thức niêm yết.

                ## I. THÀNH PHẦN THAM GIA

                - …

                ## II. VĂN BẢN CÔNG KHAI

                \(posted)\(subject.title)

                ## III. THỜI GIAN, ĐỊA ĐIỂM CÔNG KHAI

                - Thời gian niêm yết công khai: \(period).
                - Địa điểm: \(where_).

                Biên bản lập xong hồi … giờ … phút cùng ngày, những người có liên quan cùng thống nhất thông qua./

                """
            case .postingEnd:
                let comments = subject.comments.isEmpty
                    ? "Trong thời gian công khai không có ý kiến thắc mắc, phản hồi."
                    : "Trong thời gian công khai nhận được \(subject.comments.count) ý kiến (xem trang của văn bản)."
                return """
                Hôm nay, ngày \(request.date.vietnamese), \(issuer) lập biên bản kết thúc việc niêm yết công khai.

                ## I. THÀNH PHẦN THAM GIA

                - …

                ## II. VĂN BẢN CÔNG KHAI

                \(posted)\(subject.title)

                Công khai tại \(where_): \(period).

                \(comments)

                Biên bản lập xong hồi … giờ … phút cùng ngày, những người có liên quan cùng thống nhất thông qua./

                """
            default:
                break
            }
        }
        switch request.type.code {
        case "KH":
            return "## I. MỤC ĐÍCH, YÊU CẦU\n\n…\n\n## II. NỘI DUNG\n\n…\n\n## III. TỔ CHỨC THỰC HIỆN\n\n…\n"
        case "QC", "QyĐ":
            return "Căn cứ …\n\n## Chương I. QUY ĐỊNH CHUNG\n\n#### Điều 1. Phạm vi điều chỉnh\n\n…\n\n#### Điều 2. Đối tượng áp dụng\n\n…\n"
        case "QĐ":
            return "Căn cứ …\n\n#### Điều 1.\n\n…\n\n#### Điều 2.\n\n…\n\n#### Điều 3.\n\nQuyết định này có hiệu lực kể từ ngày ký.\n"
        case "BB":
            return "Thời gian: …\n\nĐịa điểm: …\n\nThành phần: …\n\nNội dung: …\n"
        case "BC":
            return "## I. KẾT QUẢ\n\n…\n\n## II. ĐỀ XUẤT, KIẾN NGHỊ\n\n…\n"
        default:
            return "Căn cứ …\n\n…\n"
        }
    }
}

/// A posting period as the minutes state it: "20 ngày, từ ngày 05/02/2024 đến hết ngày 25/02/2024".
enum PostingWords {
    static func period(_ posting: Posting) -> String {
        guard let end = posting.end else { return "thường xuyên, từ ngày \(posting.start.vietnamese)" }
        let days = posting.days ?? end.days(since: posting.start)
        return "\(days) ngày, từ ngày \(posting.start.vietnamese) đến hết ngày \(end.vietnamese)"
    }
}

private extension String {
    /// "Dự thảo quyết định" → "dự thảo quyết định"; "Kế hoạch số 127/KH-UBND" → "kế hoạch số 127/KH-UBND".
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
