import Foundation
/// The body of an imported document as Markdown, built line by line.
///
/// Each source line is a paragraph, dashed lines form lists, and the structure of the text becomes
/// headings (`## I.`, `## Phần thứ …`, `### Chương …`, `#### Điều N.`) so a regulation's outline
/// can be read back. Numbers in front of paragraphs are escaped (`1\.`) because they are cited
/// ("khoản 2") and Markdown would renumber them. A sentence that a converter broke in two
/// (a line ending without punctuation, the next starting in lower case) is joined again.
struct MarkdownBody: Sendable {
    private enum Block: Sendable {
        case paragraph(String)
        case list([String])
        case heading(level: Int, text: String, awaitingTitle: Bool)
    }

    private var blocks: [Block] = []

    var isEmpty: Bool { blocks.isEmpty }
    /// True once a section heading has been seen: "Căn cứ" lines after it are not the preamble.
    private(set) var hasHeading = false

    mutating func add(_ line: SourceLine) {
        let text = MarkdownBody.inlineText(line.raw)
        if let heading = StructureHeading.recognise(line.plain) {
            blocks.append(.heading(level: heading.level, text: heading.text, awaitingTitle: heading.awaitsTitle))
            hasHeading = true
            return
        }
        if case .heading(let level, let heading, true)? = blocks.last, Casing.isUppercase(line.plain) {
            // "Phần thứ hai" on one line, "NỘI DUNG THỰC HIỆN …" on the next.
            blocks[blocks.count - 1] = .heading(level: level, text: heading + ". " + line.plain, awaitingTitle: false)
            return
        }
        if let item = MarkdownBody.listItem(text) {
            if case .list(let items)? = blocks.last {
                blocks[blocks.count - 1] = .list(items + [item])
            } else {
                blocks.append(.list([item]))
            }
            return
        }
        switch blocks.last {
        case .paragraph(let previous)? where MarkdownBody.continues(previous, with: text):
            blocks[blocks.count - 1] = .paragraph(previous + " " + text)
            return
        case .list(let items)? where MarkdownBody.continues(items[items.count - 1], with: text):
            blocks[blocks.count - 1] = .list(items.dropLast() + [items[items.count - 1] + " " + text])
            return
        default:
            break
        }
        blocks.append(.paragraph(MarkdownBody.escapedStart(text)))
    }

    var markdown: String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): return text
            case .list(let items): return items.map { "- " + $0 }.joined(separator: "\n")
            case .heading(let level, let text, _): return String(repeating: "#", count: level) + " " + text
            }
        }.joined(separator: "\n\n") + (blocks.isEmpty ? "" : "\n")
    }

    /// Single spaces, no-break spaces made plain, and `<` escaped (raw HTML is never published).
    private static func inlineText(_ raw: String) -> String {
        raw.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "<", with: "\\<")
    }

    /// "- item", "+ item", "• item" → "item".
    private static func listItem(_ text: String) -> String? {
        for marker in ["- ", "+ ", "• "] where text.hasPrefix(marker) {
            return escapedStart(String(text.dropFirst(marker.count)))
        }
        return nil
    }

    private static func continues(_ previous: String, with next: String) -> Bool {
        guard let last = previous.last, !".;:!?…/)\"”".contains(last), let first = next.first else { return false }
        return first.isLowercase
    }

    /// Keeps what a line starts with from being read as Markdown syntax.
    private static func escapedStart(_ text: String) -> String {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = text.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")", after.dropFirst().first.map({ $0 == " " }) ?? true {
                return digits + "\\" + after
            }
        }
        if let first = text.first, "#>*=_`|".contains(first) { return "\\" + text }
        return text
    }
}

/// Section headings of Vietnamese documents: "I. MỤC ĐÍCH, YÊU CẦU", "Phần thứ nhất QUY ĐỊNH CHUNG",
/// "Chương I. CÔNG KHAI THÔNG TIN", "Điều 7. Hình thức, thời điểm, thời gian công khai".
struct StructureHeading: Equatable, Sendable {
    var level: Int
    var text: String
    /// A part or chapter written without its title, which follows on the next line.
    var awaitsTitle: Bool

    static let ordinals: Set<String> = ["nhất", "hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]

    static func recognise(_ plain: String) -> StructureHeading? {
        let words = plain.split(separator: " ").map(String.init)
        guard let first = words.first, plain.count <= 250 else { return nil }
        let lower = first.lowercased()
        if lower == "điều", words.count >= 2 {
            let number = words[1].prefix { $0.isNumber }
            let after = words[1].dropFirst(number.count)
            guard !number.isEmpty, after == "." || after == ":" || (after.isEmpty && words.count == 2) else { return nil }
            return StructureHeading(level: 4, text: plain, awaitsTitle: false)
        }
        if lower == "phần" || lower == "chương" {
            let hasThu = words.count >= 3 && words[1].lowercased() == "thứ"
            let ordinalIndex = hasThu ? 2 : 1
            guard words.count > ordinalIndex else { return nil }
            let ordinal = words[ordinalIndex].trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            guard ordinals.contains(ordinal.lowercased()) || isRoman(ordinal) || ordinal.isAllDigits else { return nil }
            let title = words.dropFirst(ordinalIndex + 1).joined(separator: " ")
            // Part and chapter titles are in capitals; "Phần thứ hai của kế hoạch …" is a sentence.
            guard title.isEmpty || Casing.isUppercase(title) else { return nil }
            let label = words[0...ordinalIndex].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            let level = lower == "phần" ? 2 : 3
            return StructureHeading(level: level, text: title.isEmpty ? label : label + ". " + title, awaitsTitle: title.isEmpty)
        }
        if first.hasSuffix("."), isRoman(String(first.dropLast())), words.count >= 2,
           Casing.isUppercase(words.dropFirst().joined(separator: " ")) {
            return StructureHeading(level: 2, text: plain, awaitsTitle: false)
        }
        return nil
    }

    private static func isRoman(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 6 && text.allSatisfy { "IVXLC".contains($0) }
    }
}
