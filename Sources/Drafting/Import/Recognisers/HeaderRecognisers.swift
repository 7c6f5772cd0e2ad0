import Disclosure

/// `Số: 127 /KH-UBND`, `Số 566 /TB-UBND`, `Số: 127 /KH – UBND`, and the blank number of a draft
/// (`Số:     /QĐ-UBND`). Text after the number on the same line is kept as `rest` (a flattened
/// header puts the date line there).
struct NumberLine: Equatable, Sendable {
    /// The number as written, spaces included.
    var written: String
    var number: DocumentNumber?
    /// The type code of the symbol, also when the number itself is blank.
    var typeCode: String?
    var hadStraySpaces: Bool
    var rest: String
    /// Why the text after "Số:" is not a number, when it is not.
    var problem: String?

    static func recognise(_ plain: String) -> NumberLine? {
        let words = plain.split(separator: " ").map(String.init)
        guard let first = words.first, first.lowercased() == "số" || first.lowercased() == "số:" else { return nil }
        var tokens = Array(words.dropFirst())
        if tokens.first == ":" { tokens.removeFirst() }
        guard let head = tokens.first, head.first?.isNumber == true || head.hasPrefix("/") else { return nil }
        // The number runs on while its pieces are glued by "/" or "-": "127", "/KH", "–", "UBND".
        var pieces = [dashes(head)]
        var index = 1
        while index < tokens.count {
            let next = dashes(tokens[index])
            guard let last = pieces.last, last.hasSuffix("/") || last.hasSuffix("-") || next.hasPrefix("/") || next.hasPrefix("-") else { break }
            pieces.append(next)
            index += 1
        }
        let written = pieces.joined(separator: " ").trimmingCharacters(in: .init(charactersIn: ".,;"))
        let compact = written.replacingOccurrences(of: " ", with: "")
        var line = NumberLine(written: written, number: nil, typeCode: nil, hadStraySpaces: pieces.count > 1,
                              rest: tokens[index...].joined(separator: " "), problem: nil)
        if compact.hasPrefix("/") {
            line.typeCode = compact.dropFirst().split(separator: "-").first.map(String.init)
            return line
        }
        switch DocumentNumber.parse(compact) {
        case .success(let parsed):
            line.number = parsed.value
            line.typeCode = parsed.value.typeCode
        case .failure(let failure):
            line.problem = failure.message
        }
        return line
    }

    private static func dashes(_ text: String) -> String {
        text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
    }
}

/// `Đông Sơn, ngày 30 tháng 01 năm 2024` (any run of spaces), `Hà Nội, ngày 30/01/2024`, or a date
/// line without its place (`Ngày 30 tháng 01 năm 2024`). The whole line must be the date line.
struct PlaceDateLine: Equatable, Sendable {
    var place: String?
    var day: Day

    static func recognise(_ plain: String) -> PlaceDateLine? {
        let words = Words(plain)
        guard let at = (0..<words.count).first(where: { words.key($0) == "ngày" }), at <= 6 else { return nil }
        var place: String?
        if at > 0 {
            let prefix = words.joined(0..<at)
            guard prefix.hasSuffix(","), prefix.first?.isUppercase == true, !prefix.contains(where: \.isNumber),
                  words.key(0) != "hôm" else { return nil }
            place = String(prefix.dropLast())
        }
        guard let (mention, next) = DateMention.scan(words, at: at), next == words.count,
              let day = mention.resolved else { return nil }
        return PlaceDateLine(place: place, day: day)
    }
}

/// The type line under the header: `KẾ HOẠCH`, `BIÊN BẢN NIÊM YẾT CÔNG KHAI`, `QUYẾT ĐỊNH (DỰ THẢO)`.
/// The type name must be in capitals (a sentence starting "Kế hoạch số …" is not a type line);
/// capitals after it belong to the type line, other text is the title written on the same line.
struct TypeLine: Equatable, Sendable {
    var type: DocumentType
    /// "NIÊM YẾT CÔNG KHAI" in `BIÊN BẢN NIÊM YẾT CÔNG KHAI`.
    var rest: String
    var isDraft: Bool

    static func recognise(_ plain: String) -> TypeLine? {
        var text = plain
        var isDraft = false
        for mark in ["(DỰ THẢO)", "DỰ THẢO"] where text.uppercased().contains(mark) && Casing.isUppercase(text) {
            text = text.replacingOccurrences(of: mark, with: "").trimmingCharacters(in: .whitespaces)
            isDraft = true
        }
        let byLength = DocumentType.all.sorted { $0.nameVI.count > $1.nameVI.count }
        for type in byLength {
            let name = type.nameVI.uppercased()
            guard text.hasPrefix(name) || (text.folded.hasPrefix(name.folded) && Casing.isUppercase(String(text.prefix(name.count)))) else { continue }
            let rest = text.dropFirst(name.count)
            guard rest.isEmpty || rest.first == " " else { continue }
            return TypeLine(type: type, rest: rest.trimmingCharacters(in: .whitespaces), isDraft: isDraft)
        }
        return nil
    }
}

/// Lines of the header that carry no field of their own: the issuing body (`ỦY BAN NHÂN DÂN`,
/// `XÃ ĐÔNG SƠN`), the national motto, decorative rules.
enum HeaderLine: Equatable, Sendable {
    case issuer(String)
    case motto
    case separator
    case draftMark

    static func recognise(_ plain: String) -> HeaderLine? {
        let folded = plain.folded
        if folded.hasPrefix("cong hoa xa hoi chu nghia viet nam")
            || folded.filter(\.isLetter) == "doclaptudohanhphuc" { return .motto }
        if plain.count >= 3, plain.allSatisfy({ "-_=~*.–—".contains($0) || $0 == " " }) { return .separator }
        guard Casing.isUppercase(plain) else { return nil }
        if ["du thao", "(du thao)"].contains(folded) { return .draftMark }
        let bodies = ["uy ban nhan dan", "ubnd ", "hoi dong nhan dan", "hdnd ", "uy ban mat tran to quoc"]
        let units = ["xa ", "phuong ", "thi tran ", "huyen ", "tinh ", "thanh pho ", "quan ", "thi xa "]
        if bodies.contains(where: { folded.hasPrefix($0) || folded == $0.trimmingCharacters(in: .whitespaces) })
            || units.contains(where: { folded.hasPrefix($0) }) {
            return .issuer(plain)
        }
        return nil
    }
}
