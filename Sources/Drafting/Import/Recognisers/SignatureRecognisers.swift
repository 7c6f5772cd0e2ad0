/// Lines of the closing part of a document: `Nơi nhận:`, the signature block (capacity, title,
/// name) and a list of participants under minutes.
enum ClosingLine: Equatable, Sendable {
    /// `Nơi nhận:` (also the common typo `Nội nhận:`), with any text after the colon.
    case recipientsLabel(written: String, rest: String)
    /// `TM. ỦY BAN NHÂN DÂN` → "TM. Ủy ban nhân dân" (Decree 30/2020 Art. 13: TM., KT., Q., TL., TUQ.).
    case capacity(String)
    /// `CHỦ TỊCH`, `CÔNG CHỨC VP-TK`, `Thư ký` → "Chủ tịch", "Công chức VP-TK", "Thư ký".
    case role(String)
    /// `(Đã ký)`, `(Ký, ghi rõ họ tên)`: marks that carry no field.
    case signatureNote
    /// `THÀNH PHẦN THAM GIA` under the signatures of minutes.
    case participantsLabel

    static func recognise(_ plain: String) -> ClosingLine? {
        let folded = plain.folded
        if folded.hasPrefix("noi nhan") {
            let colon = plain.firstIndex(of: ":")
            let written = colon.map { String(plain[..<$0]) } ?? plain
            let rest = colon.map { String(plain[plain.index(after: $0)...]).trimmingCharacters(in: .whitespaces) } ?? ""
            return .recipientsLabel(written: written, rest: rest)
        }
        if let capacity = SigningCapacity.recognise(plain) { return .capacity(capacity) }
        if plain.hasPrefix("("), folded.contains("ky") || folded.contains("dau") { return .signatureNote }
        if Casing.isUppercase(plain), ["thanh phan tham gia", "cac thanh phan tham gia", "thanh phan tham du"].contains(folded) {
            return .participantsLabel
        }
        if let role = SignerRole.recognise(plain) { return .role(role) }
        return nil
    }
}

enum SigningCapacity {
    /// The abbreviations of Decree 30/2020 Art. 13 as written, and their standard form.
    static let prefixes: [(written: String, standard: String)] = [
        ("TM.", "TM."), ("T/M", "TM."), ("T.M.", "TM."), ("KT.", "KT."), ("K/T", "KT."),
        ("TUQ.", "TUQ."), ("TL.", "TL."), ("T/L", "TL."), ("Q.", "Q."),
    ]

    static func recognise(_ plain: String) -> String? {
        for (written, standard) in prefixes where plain.hasPrefix(written) {
            let rest = plain.dropFirst(written.count).trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty, Casing.isUppercase(rest), rest.split(separator: " ").count <= 8 else { continue }
            return standard + " " + Casing.sentence(rest)
        }
        return nil
    }
}

enum SignerRole {
    static let titles = [
        "chu tich", "pho chu tich", "thu ky", "chu tri", "chu toa", "cong chuc", "nguoi lap", "nguoi ghi",
        "truong ", "pho truong", "bi thu", "dai dien", "ke toan", "thu truong", "giam doc", "can bo", "uy vien",
        "thu quy", "van phong",
    ]

    /// A short line that is only a job title: in capitals, or a title such as "Thư ký" on its own.
    static func recognise(_ plain: String) -> String? {
        let words = plain.split(separator: " ")
        guard (1...8).contains(words.count), let last = plain.last, !",;:.!?".contains(last) else { return nil }
        let folded = plain.folded + " "
        guard titles.contains(where: { folded.hasPrefix($0.hasSuffix(" ") ? $0 : $0 + " ") }) else { return nil }
        if Casing.isUppercase(plain) { return Casing.sentence(plain) }
        return words.count <= 4 && plain.first?.isUppercase == true ? plain : nil
    }
}

/// A person's name on its own line: two to five capitalised words of letters ("Đặng Quý Hưng").
/// Handwriting misread by OCR ("Mô can liê", "Bhư") fails the shape and is reported.
enum PersonName {
    static func recognise(_ plain: String) -> String? {
        let words = plain.split(separator: " ")
        guard (2...5).contains(words.count) else { return nil }
        for word in words {
            guard let first = word.first, first.isUppercase, word.allSatisfy(\.isLetter),
                  word.dropFirst().allSatisfy(\.isLowercase) else { return nil }
        }
        return plain
    }
}

/// The signatures of one document, in reading order. Documents put one signature per column; a
/// table read row by row lists all titles first and all names after, which cannot be paired
/// with certainty — the block then says so instead of guessing.
struct SignatureBlock: Sendable {
    struct Signature: Equatable, Sendable {
        var capacity: String?
        var roles: [String] = []
        var name: String?
        var role: String? {
            let parts = [capacity].compactMap { $0 } + roles
            return parts.isEmpty ? nil : parts.joined(separator: " – ")
        }
    }

    private(set) var signatures: [Signature] = []
    /// Set when two names follow each other with no title between them.
    private(set) var namesApartFromTitles = false
    private(set) var firstLine: Int?
    private(set) var lastLine: Int?

    var isEmpty: Bool { signatures.isEmpty }
    var names: [String] { signatures.compactMap(\.name) }

    mutating func add(capacity: String, line: Int) {
        note(line)
        if let last = signatures.last, let previous = last.capacity, last.roles.isEmpty, last.name == nil {
            // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": one signature, two capacities.
            signatures[signatures.count - 1].capacity = previous + ", " + capacity
            return
        }
        signatures.append(Signature(capacity: capacity))
    }

    mutating func add(role: String, line: Int) {
        note(line)
        if let last = signatures.last, last.name == nil, last.roles.isEmpty {
            signatures[signatures.count - 1].roles.append(role)
        } else {
            signatures.append(Signature(roles: [role]))
        }
    }

    mutating func add(name: String, line: Int) {
        note(line)
        if let last = signatures.last, last.name == nil {
            signatures[signatures.count - 1].name = name
        } else {
            if signatures.last?.name != nil && (signatures.last?.roles.isEmpty == false || signatures.last?.capacity != nil) {
                namesApartFromTitles = true
            }
            signatures.append(Signature(name: name))
        }
    }

    /// The one who signs for the issuer: by convention the last signature (the right-hand column).
    /// When titles and names cannot be paired, the last name with the last capacity and title.
    var principal: Signature? {
        guard !signatures.isEmpty else { return nil }
        if namesApartFromTitles {
            return Signature(capacity: signatures.compactMap(\.capacity).last,
                             roles: signatures.flatMap(\.roles).suffix(1).map { $0 },
                             name: names.last)
        }
        return signatures.last
    }

    private mutating func note(_ line: Int) {
        if firstLine == nil { firstLine = line }
        lastLine = line
    }
}
