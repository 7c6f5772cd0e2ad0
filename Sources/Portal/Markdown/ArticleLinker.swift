import CCmark
import Disclosure

/// Turns "Điều N" in a regulation's running text into a link to that article (`#dieu-N`), on the
/// cmark node tree: a text node is split into text, a link node and text.
///
/// Only articles the regulation has are linked, never inside headings or existing links, and not
/// when the mention cites another instrument ("Điều 148 khoản 5 Bộ luật Dân sự", "Điều 11 Luật …").
struct ArticleLinker {
    private let anchors: [Int: String]

    init(outline: RegulationOutline) {
        var anchors: [Int: String] = [:]
        for entry in outline.articles {
            if let n = entry.articleNumber, anchors[n] == nil { anchors[n] = entry.anchor }
        }
        self.anchors = anchors
    }

    func link(in root: OpaquePointer) {
        // Collect first: the tree must not change under a running iterator.
        var textNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT, !isInsideLinkOrHeading(node) else { continue }
            textNodes.append(node)
        }
        cmark_iter_free(iterator)
        for node in textNodes { split(node) }
    }

    private func isInsideLinkOrHeading(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    private func split(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        if !Self.mayMention(literal) { return }
        let raw = String(cString: literal)
        let plain = PlainScalarText.holds(raw)
        // Most text nodes never say "Điều"; plain text (each scalar its own NFC character) is
        // searched on its bytes, anything else the way it always was, through Foundation.
        if plain && !PlainScalarText.contains(raw, Self.word) { return }
        let text = plain ? raw : raw.precomposedStringWithCanonicalMapping
        let mentions = self.mentions(in: text, plain: plain)
        guard !mentions.isEmpty else { return }
        var rest = text[...]
        for mention in mentions {
            insertText(String(rest[rest.startIndex..<mention.range.lowerBound]), before: node)
            let link = cmark_node_new(CMARK_NODE_LINK)!
            cmark_node_set_url(link, "#" + mention.anchor)
            let label = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(label, String(text[mention.range]))
            cmark_node_append_child(link, label)
            cmark_node_insert_before(node, link)
            rest = text[mention.range.upperBound...]
        }
        insertText(String(rest), before: node)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private func insertText(_ text: String, before node: OpaquePointer) {
        guard !text.isEmpty, let textNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(textNode, text)
        cmark_node_insert_before(node, textNode)
    }

    /// "Điều 7" (or "điều 7") with the article's anchor, for each linkable mention in `text`.
    func mentions(in text: String) -> [(range: Range<String.Index>, anchor: String)] {
        mentions(in: text, plain: false)
    }

    private static let word = "iều"

    /// False when the text surely holds no "iều" as either search below sees it: it has no "ề"
    /// (E1 BB 81) and no combining mark of U+0300–U+036F (lead byte CC or CD), without which
    /// nothing normalises or compares equal to "ề". Most text nodes are dismissed here, unread.
    static func mayMention(_ literal: UnsafePointer<CChar>) -> Bool {
        var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while true {
            switch p.pointee {
            case 0: return false
            case 0xCC, 0xCD: return true
            case 0xE1 where p[1] == 0xBB && p[2] == 0x81: return true
            default: p += 1
            }
        }
    }

    /// `plain`: `text` passes `PlainScalarText.holds`, so its characters are its scalars and
    /// "iều" can be found by its bytes, exactly where Foundation's search would find it.
    func mentions(in text: String, plain: Bool) -> [(range: Range<String.Index>, anchor: String)] {
        var found: [(Range<String.Index>, String)] = []
        var searchFrom = text.startIndex
        func next() -> Range<String.Index>? {
            plain ? PlainScalarText.range(of: Self.word, in: text, from: searchFrom)
                  : text.range(of: Self.word, range: searchFrom..<text.endIndex)
        }
        while let word = next() {
            searchFrom = word.upperBound
            guard word.lowerBound > text.startIndex else { continue }
            let start = text.index(before: word.lowerBound)
            guard text[start] == "Đ" || text[start] == "đ" else { continue }
            if start > text.startIndex, text[text.index(before: start)].isLetter { continue }
            var cursor = word.upperBound
            guard cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\u{00A0}" else { continue }
            cursor = text.index(after: cursor)
            let digits = text[cursor...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let n = Int(digits), let anchor = anchors[n] else { continue }
            let end = digits.endIndex
            if end < text.endIndex, text[end].isLetter || text[end].isNumber { continue }
            if citesAnotherInstrument(text[end...]) { continue }
            found.append((start..<end, anchor))
            searchFrom = end
        }
        return found
    }

    /// True when the words after "Điều N" (past "khoản 5", "điểm a", "của") name another instrument.
    private func citesAnotherInstrument(_ after: Substring) -> Bool {
        let words = after.prefix(80).lowercased()
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
        var index = 0
        while index < words.count, ["khoản", "điểm", "của"].contains(words[index]) || words[index].count == 1 || Int(words[index]) != nil {
            index += 1
        }
        guard index < words.count else { return false }
        if words[index] == "luật" { return true }
        guard index + 1 < words.count else { return false }
        return Self.instruments.contains(words[index] + " " + words[index + 1])
    }

    private static let instruments: Set<String> = [
        "bộ luật", "nghị định", "nghị quyết", "thông tư", "quyết định", "hiến pháp", "pháp lệnh", "chỉ thị", "công văn",
    ]
}
