import Foundation
import Disclosure

/// One line of an imported text: its number in the file, the text as written (for the body), and a
/// plain form for the recognisers — NFC, no Markdown bold, one space between words, trimmed.
struct SourceLine: Sendable {
    let number: Int
    let raw: String
    let plain: String

    init(number: Int, raw: String) {
        self.number = number
        self.raw = raw.trimmingCharacters(in: .whitespaces)
        self.plain = SourceLine.plainText(raw)
    }

    var isBlank: Bool { plain.isEmpty }

    /// Text converted from Word or a web page carries `**bold**`, no-break spaces and doubled
    /// spaces ("ngày  24 tháng 10"); none of them changes what a line says.
    static func plainText(_ raw: String) -> String {
        var text = raw.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "**", with: "")
        text = String(text.map { $0.isWhitespace ? " " : $0 })
        var words = text.split(separator: " ").map(String.init)
        if let first = words.first, let last = words.last, first.hasPrefix("*"), last.hasSuffix("*"),
           !(words.count == 1 && first.count < 2) {
            // A whole line in *italics* (a subject line under a type line).
            words[0] = String(first.dropFirst())
            words[words.count - 1] = String(words[words.count - 1].dropLast())
        }
        return words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}

/// Splits a text into `SourceLine`s, accepting LF, CRLF and CR line ends.
enum SourceLines {
    static func split(_ text: String) -> [SourceLine] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalized.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { SourceLine(number: $0.offset + 1, raw: String($0.element)) }
    }
}

/// Letter case of Vietnamese administrative text, where headings and titles are often in capitals.
enum Casing {
    /// True when the text has letters and none of them is lower case ("KẾ HOẠCH", "TM. ỦY BAN").
    static func isUppercase(_ text: String) -> Bool {
        var letters = 0
        for c in text where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// "NIÊM YẾT CÔNG KHAI" → "Niêm yết công khai"; "CHỦ TỊCH UBND XÃ" → "Chủ tịch UBND xã".
    /// Acronyms (UBND, MTTQ, VP-TK) keep their capitals; proper names cannot be told apart, which is
    /// why callers report every title they recase.
    static func sentence(_ text: String) -> String {
        let words = text.split(separator: " ").map { word -> String in
            isAcronym(String(word)) ? String(word) : word.lowercased()
        }
        guard let first = words.first, !isAcronym(first) else { return words.joined(separator: " ") }
        return ([capitalized(first)] + words.dropFirst()).joined(separator: " ")
    }

    /// "XÃ ĐÔNG SƠN" → "xã Đông Sơn": the unit stays lower case, the name is capitalised.
    static func placeName(_ text: String) -> String {
        let words = text.lowercased().split(separator: " ").map(String.init)
        let unitWords = ["xã", "phường", "thị", "trấn", "huyện", "tỉnh", "thành", "phố", "quận"]
        var seenName = false
        return words.map { word in
            if !seenName && unitWords.contains(word) { return word }
            seenName = true
            return capitalized(word)
        }.joined(separator: " ")
    }

    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Upper-case words without a vowel (MTTQ, HĐND, VP-TK) or known agency acronyms with one.
    static func isAcronym(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, isUppercase(letters) else { return false }
        if ["UBND", "UBMTTQ", "UB", "CAND", "QĐND", "BCĐ", "UBKT"].contains(letters) { return true }
        return !TextFolding.fold(letters).contains { "aeiouy".contains($0) }
    }
}

/// The words of a plain line with a matching key each: lower case, without the punctuation that
/// clings to words ("2024." → "2024", "ngày," → "ngày").
struct Words {
    let items: [String]

    init(_ plain: String) {
        items = plain.split(separator: " ").map(String.init)
    }

    var count: Int { items.count }

    func key(_ index: Int) -> String {
        guard items.indices.contains(index) else { return "" }
        return Words.key(items[index])
    }

    static func key(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",;.:()“”\"'!?"))
    }

    func joined(_ range: Range<Int>) -> String {
        items[range.clamped(to: items.indices)].joined(separator: " ")
    }
}

extension String {
    var isAllDigits: Bool { !isEmpty && allSatisfy { $0.isASCII && $0.isNumber } }

    /// Folded, lower-cased, for comparisons that must survive tone-mark typos and ỦY/UỶ spellings.
    var folded: String { TextFolding.fold(self) }
}
