import Foundation
import Disclosure

/// The documents a "Căn cứ …" paragraph cites, one per clause:
/// "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ …" → "Nghị định số 59/2023/NĐ-CP";
/// "Căn cứ Luật thực hiện dân chủ ở cơ sở" → "Luật thực hiện dân chủ ở cơ sở";
/// "Căn cứ kế hoạch số 127/KH-UBND …" → "127/KH-UBND", one of the commune's own records.
enum CitationClauses {
    struct Citation: Equatable, Sendable {
        var text: String
        /// The cited number is one of the issuer's own (same issuer code): a link to a record.
        var isOwnNumber: Bool
    }

    enum Clause: Equatable, Sendable {
        case citation(Citation)
        /// A "Căn cứ" that names no document ("Căn cứ tình hình thực tế").
        case uncited(String)
    }

    static let leads = ["căn cứ", "thực hiện", "triển khai"]
    static let kinds = [
        "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị",
        "Thông tư liên tịch", "Thông tư", "Công văn", "Văn bản", "Kế hoạch", "Hướng dẫn", "Thông báo", "Quy chế",
        "Quy định", "Kết luận", "Chương trình", "Tờ trình", "Báo cáo", "Biên bản",
    ]

    /// Kinds cited by name alone ("Luật Thực hiện dân chủ ở cơ sở").
    static let namedKinds: Set<String> = ["Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh"]

    /// True for a paragraph worth reading for citations: it says "Căn cứ", or it starts with a cited
    /// document ("Kế hoạch số: 127 /KH – UBND …", the next item of a list of bases).
    static func isCandidate(_ plain: String) -> Bool {
        let lower = plain.lowercased()
        return lower.contains("căn cứ") || kindAndNumber(at: lower) != nil
    }

    /// Every clause (split at ";" and at sentence ends) that names a document: at its start (the
    /// next item of a list of bases), or after its first lead word ("*.Nội dung họp: Căn cứ …").
    static func recognise(_ plain: String, ownIssuerCodes: Set<String>) -> [Clause] {
        var clauses: [Clause] = []
        for clause in split(plain) {
            let lower = clause.lowercased()
            var citation = cite(clause, ownIssuerCodes: ownIssuerCodes)
            if citation == nil, let lead = leads.compactMap({ lower.range(of: $0 + " ") }).min(by: { $0.lowerBound < $1.lowerBound }) {
                citation = cite(String(clause.dropFirst(lower.distance(from: lower.startIndex, to: lead.upperBound))),
                                ownIssuerCodes: ownIssuerCodes)
            }
            if let citation {
                clauses.append(.citation(citation))
            } else if lower.contains("căn cứ") {
                clauses.append(.uncited(clause))
            }
        }
        return clauses
    }

    private static func split(_ text: String) -> [String] {
        text.replacingOccurrences(of: ". ", with: ";").split(separator: ";")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,.")) }
            .filter { !$0.isEmpty }
    }

    private static func kindAndNumber(at lower: String) -> String? {
        kinds.first { lower.hasPrefix($0.lowercased() + " ") && lower.dropFirst($0.count).hasPrefix(" số") }
    }

    /// `rest` starts where the cited document should start.
    private static func cite(_ rest: String, ownIssuerCodes: Set<String>) -> Citation? {
        let lower = rest.lowercased()
        guard let kind = kinds.first(where: { lower.hasPrefix($0.lowercased() + " ") }) else { return nil }
        let words = Words(rest)
        let kindWords = kind.split(separator: " ").count
        // A number follows "số" (or "số:") within the first dozen words.
        for i in kindWords..<min(words.count, 14) where words.key(i) == "số" {
            guard let number = NumberToken.scan(words, from: i + 1) else { continue }
            if case .success(let parsed) = DocumentNumber.parse(number), parsed.value.typeCode != nil,
               ownIssuerCodes.contains(parsed.value.issuerCode) {
                return Citation(text: parsed.value.description, isOwnNumber: true)
            }
            let name = words.joined(kindWords..<i)
            return Citation(text: ([kind] + (name.isEmpty ? [] : [name]) + ["số", number]).joined(separator: " "), isOwnNumber: false)
        }
        // Without a number only laws are cited by name; the name runs to its date
        // ("… ngày 19 tháng 6 năm 2015") or to the clause end.
        guard namedKinds.contains(kind) else { return nil }
        var end = words.count
        for i in kindWords..<max(words.count, kindWords) where words.key(i) == "ngày" && words.key(i + 1).first?.isNumber == true {
            end = i
            break
        }
        guard end <= 30 else { return nil }
        let name = words.joined(kindWords..<end)
        return name.isEmpty ? nil : Citation(text: kind + " " + name, isOwnNumber: false)
    }
}

/// A document number inside a sentence, with the stray spaces and dashes documents have:
/// "127 /KH – UBND" → "127/KH-UBND", "32-CV/BCĐ", "59/2023/NĐ-CP".
enum NumberToken {
    static func scan(_ words: Words, from index: Int) -> String? {
        guard index < words.count else { return nil }
        var pieces: [String] = []
        var i = index
        if words.items[i] == ":" { i += 1 }
        while i < words.count {
            var piece = words.items[i].replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            if pieces.isEmpty, piece.hasPrefix(":") { piece.removeFirst() }
            if let last = pieces.last {
                guard last.hasSuffix("/") || last.hasSuffix("-") || piece.hasPrefix("/") || piece.hasPrefix("-") else { break }
            } else {
                guard piece.first?.isNumber == true else { return nil }
            }
            pieces.append(piece)
            i += 1
        }
        let number = pieces.joined().trimmingCharacters(in: CharacterSet(charactersIn: ",;.:)"))
        return number.contains("/") || number.contains("-") ? number : nil
    }
}
