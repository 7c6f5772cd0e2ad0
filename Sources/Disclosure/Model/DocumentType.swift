import Foundation

/// An administrative document type of Decree 30/2020/NĐ-CP Art. 7 with its abbreviation
/// from Appendix III (the code used in a document's ký hiệu, e.g. KH in `127/KH-UBND`).
public struct DocumentType: Hashable, Sendable {
    public let code: String
    public let nameVI: String
    public let nameEN: String

    public init(code: String, nameVI: String, nameEN: String) {
        self.code = code
        self.nameVI = nameVI
        self.nameEN = nameEN
    }

    /// Looks a code up exactly, then ignoring case (so `qd` finds `QĐ` only via `closest`).
    public static func named(_ code: String) -> DocumentType? {
        let nfc = SourceText.precomposed(code)
        return all.first { $0.code == nfc } ?? all.first { $0.code.uppercased() == nfc.uppercased() }
    }

    /// The known code nearest to an unknown one, for "did you mean" hints (QD → QĐ, KE → KH).
    public static func closest(to code: String) -> DocumentType? {
        // Codes have at most four letters; a long text is no typo of one (and distance is quadratic).
        guard code.unicodeScalars.count <= 12 else { return nil }
        let folded = TextFolding.fold(code).uppercased()
        let best = all.map { ($0, editDistance(TextFolding.fold($0.code).uppercased(), folded)) }
            .min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, code.count / 2) else { return nil }
        return best.0
    }

    /// Công văn: Decree 30/2020 gives it no code; its ký hiệu is issuer + unit (`45/UBND-VP`).
    public static let officialLetter = DocumentType(code: "CV", nameVI: "Công văn", nameEN: "Official letter")

    /// Appendix III, part I, in the decree's order.
    public static let all: [DocumentType] = [
        .init(code: "NQ", nameVI: "Nghị quyết", nameEN: "Resolution"),
        .init(code: "QĐ", nameVI: "Quyết định", nameEN: "Decision"),
        .init(code: "CT", nameVI: "Chỉ thị", nameEN: "Directive"),
        .init(code: "QC", nameVI: "Quy chế", nameEN: "Regulation"),
        .init(code: "QyĐ", nameVI: "Quy định", nameEN: "Provisions"),
        .init(code: "TC", nameVI: "Thông cáo", nameEN: "Communiqué"),
        .init(code: "TB", nameVI: "Thông báo", nameEN: "Notice"),
        .init(code: "HD", nameVI: "Hướng dẫn", nameEN: "Guidance"),
        .init(code: "CTr", nameVI: "Chương trình", nameEN: "Programme"),
        .init(code: "KH", nameVI: "Kế hoạch", nameEN: "Plan"),
        .init(code: "PA", nameVI: "Phương án", nameEN: "Scheme"),
        .init(code: "ĐA", nameVI: "Đề án", nameEN: "Project proposal"),
        .init(code: "DA", nameVI: "Dự án", nameEN: "Project"),
        .init(code: "BC", nameVI: "Báo cáo", nameEN: "Report"),
        .init(code: "BB", nameVI: "Biên bản", nameEN: "Minutes"),
        .init(code: "TTr", nameVI: "Tờ trình", nameEN: "Submission"),
        .init(code: "HĐ", nameVI: "Hợp đồng", nameEN: "Contract"),
        .init(code: "CĐ", nameVI: "Công điện", nameEN: "Official telegram"),
        .init(code: "BGN", nameVI: "Bản ghi nhớ", nameEN: "Memorandum of understanding"),
        .init(code: "BTT", nameVI: "Bản thỏa thuận", nameEN: "Agreement"),
        .init(code: "GUQ", nameVI: "Giấy ủy quyền", nameEN: "Letter of authorisation"),
        .init(code: "GM", nameVI: "Giấy mời", nameEN: "Invitation"),
        .init(code: "GGT", nameVI: "Giấy giới thiệu", nameEN: "Letter of introduction"),
        .init(code: "GNP", nameVI: "Giấy nghỉ phép", nameEN: "Leave permit"),
        .init(code: "PG", nameVI: "Phiếu gửi", nameEN: "Dispatch slip"),
        .init(code: "PC", nameVI: "Phiếu chuyển", nameEN: "Routing slip"),
        .init(code: "PB", nameVI: "Phiếu báo", nameEN: "Notification slip"),
        officialLetter,
    ]

    /// Regulations and provisions are structured in parts, chapters and articles.
    public var isRegulation: Bool { code == "QC" || code == "QyĐ" }

    /// Types that schema.org calls `Legislation`.
    public var isLegislation: Bool { isRegulation || code == "QĐ" || code == "NQ" || code == "CT" }
}

/// Levenshtein distance over Unicode scalars; inputs here are short (keys, codes).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
