import Foundation

/// The structure of a regulation: parts (Phần thứ …), chapters (Chương …) and articles (Điều N.),
/// in document order, each with a stable anchor so pages can link `#dieu-7`.
public struct RegulationOutline: Hashable, Sendable {
    public enum Level: Int, Sendable, Comparable {
        case part = 1, chapter, article
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Entry: Hashable, Sendable {
        public var level: Level
        /// "Điều 7", "Chương I", "Phần thứ nhất"
        public var label: String
        /// "Hình thức, thời điểm, thời gian công khai"
        public var title: String
        /// The heading text exactly as written.
        public var heading: String
        public var anchor: String
        /// Article number, for articles.
        public var articleNumber: Int?
        /// Line in the body (1-based) where the heading stands.
        public var line: Int

        public init(level: Level, label: String, title: String, heading: String, anchor: String, articleNumber: Int?, line: Int) {
            self.level = level
            self.label = label
            self.title = title
            self.heading = heading
            self.anchor = anchor
            self.articleNumber = articleNumber
            self.line = line
        }
    }

    public var entries: [Entry]

    public var parts: [Entry] { entries.filter { $0.level == .part } }
    public var chapters: [Entry] { entries.filter { $0.level == .chapter } }
    public var articles: [Entry] { entries.filter { $0.level == .article } }

    public func article(_ number: Int) -> Entry? { articles.first { $0.articleNumber == number } }

    /// An outline from entries already classified.
    public init(entries: [Entry]) { self.entries = entries }

    /// Recognises a heading's text as a part, chapter or article; nil for any other heading.
    public static func classify(heading raw: String) -> (Level, label: String, title: String, article: Int?)? {
        let text = Whitespace.spaces.trim(raw)
        let lower = text.lowercased()
        if lower.hasPrefix("điều ") {
            let rest = text.dropFirst(5)
            let digits = rest.prefix { $0.isASCIIDigit }
            guard let n = Int(digits) else { return nil }
            let title = rest.dropFirst(digits.count).drop { $0 == "." || $0 == ":" || $0.isWhitespace }
            return (.article, "Điều \(n)", String(title), n)
        }
        for (prefix, level) in [("phần thứ ", Level.part), ("phần ", .part), ("chương ", .chapter)]
        where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            // The ordinal is the first word ("nhất", "hai", "I", "IV"), the title follows a dot or a space.
            let ordinal = rest.prefix { !$0.isWhitespace && $0 != "." && $0 != ":" }
            guard !ordinal.isEmpty else { return nil }
            let title = rest.dropFirst(ordinal.count).drop { $0 == "." || $0 == ":" || $0.isWhitespace }
            let label = String(text.prefix(prefix.count - 1)) + " " + ordinal
            return (level, label, String(title), nil)
        }
        return nil
    }

    /// Builds the outline from headings (text and body line), giving each entry a unique anchor.
    public init(headings: [(text: String, line: Int)]) {
        var used = Set<String>()
        entries = headings.compactMap { heading in
            guard let (level, label, title, number) = Self.classify(heading: heading.text) else { return nil }
            var anchor = TextFolding.slug(label)
            if used.contains(anchor) {
                var k = 2
                while used.contains("\(anchor)-\(k)") { k += 1 }
                anchor = "\(anchor)-\(k)"
            }
            used.insert(anchor)
            return Entry(level: level, label: label, title: title, heading: heading.text,
                         anchor: anchor, articleNumber: number, line: heading.line)
        }
    }
}
