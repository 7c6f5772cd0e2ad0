import CCmark
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A record's body rendered once: HTML for its page and feeds, plain text for the search index.
struct RenderedBody: Sendable {
    var html: String
    var plainText: String
}

/// Renders a record's Markdown with libcmark in its safe mode (raw HTML is dropped, unsafe link
/// schemes are blanked; nothing here passes CMARK_OPT_UNSAFE).
///
/// Three things cmark does not do are done on its node tree: headings move one level down (the
/// page's `<h1>` is the record's title and the body sits under an `<h2>`); in a regulation,
/// "Điều N" in running text becomes a link to `#dieu-N` when the regulation has that article; and
/// links that leave the site get `rel="noopener noreferrer"` (`ExternalLinks`). The one edit of
/// the HTML text is each top-level heading's `id` (the outline's anchor for parts, chapters and
/// articles: `dieu-7`), put into its opening tag, which cmark's safe output lets us find exactly.
enum BodyRenderer {
    static func render(_ markdown: String, outline: RegulationOutline?, reservedIDs: Set<String>) -> RenderedBody {
        let document = MarkdownDocument(markdown)
        if let outline, !outline.articles.isEmpty {
            ArticleLinker(outline: outline).link(in: document.root)
        }
        ExternalLinks.markNoOpener(in: document.root)
        let ids = topLevelHeadingIDs(document.root, anchors: HeadingAnchors(outline: outline, reserved: reservedIDs))
        return RenderedBody(html: html(of: document.root, topLevelHeadingIDs: ids), plainText: plainText(of: document.root))
    }

    /// The top-level headings' `id`s in document order; each heading moves one level down (at most h6).
    private static func topLevelHeadingIDs(_ root: OpaquePointer, anchors: HeadingAnchors) -> [String] {
        var anchors = anchors
        var ids: [String] = []
        var node = cmark_node_first_child(root)
        while let block = node {
            if cmark_node_get_type(block) == CMARK_NODE_HEADING {
                cmark_node_set_heading_level(block, min(cmark_node_get_heading_level(block) + 1, 6))
                ids.append(anchors.anchor(for: block))
            }
            node = cmark_node_next(block)
        }
        return ids
    }

    /// Every heading in document order with its `id`: top-level ones have one, headings nested
    /// in quotes or list items (which keep their level) none.
    private static func allHeadingIDs(_ root: OpaquePointer, topLevel: [String]) -> [String?] {
        var ids: [String?] = []
        var next = topLevel.makeIterator()
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            ids.append(cmark_node_parent(node) == root ? next.next() : nil)
        }
        return ids
    }

    /// The whole body in one cmark render, with ` id="…"` spliced into the opening tag of each
    /// top-level heading. In safe mode every `<h1>`…`<h6>` in cmark's output opens a heading, in
    /// document order: text and code are escaped, raw HTML is omitted, and the attributes
    /// `ExternalLinks` writes are escaped too. When there are more such tags than top-level
    /// headings, the tree says which are nested.
    static func html(of root: OpaquePointer, topLevelHeadingIDs topLevel: [String]) -> String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        let html = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        guard !topLevel.isEmpty else { return String(decoding: html, as: UTF8.self) }
        // Offsets just past `<hN` of each opening heading tag.
        var tags: [Int] = []
        var i = 0
        while i + 3 < html.count, let found = memchr(html.baseAddress! + i, Int32(UInt8(ascii: "<")), html.count - i - 3) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(html.baseAddress!)
            if html[at + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[at + 2]),
               html[at + 3] == UInt8(ascii: ">") {
                tags.append(at + 3)
            }
            i = at + 1
        }
        let ids: [String?] = tags.count == topLevel.count ? topLevel : allHeadingIDs(root, topLevel: topLevel)
        var out: [UInt8] = []
        out.reserveCapacity(html.count + topLevel.reduce(0) { $0 + $1.utf8.count + 6 })  // ` id=""`
        var copied = 0
        for (tag, id) in zip(tags, ids) {
            guard let id else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<tag]))
            out.append(contentsOf: #" id=""#.utf8)
            out.append(contentsOf: id.utf8)
            out.append(UInt8(ascii: "\""))
            copied = tag
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// Words kept in `plainText`. Its users want the start of the text only (the search index
    /// keeps `SearchIndex.excerptWords` words, structured data 300 characters), and a long
    /// record's whole text cost more to collect than to render.
    static let plainTextWords = 200

    /// The text of the blocks, blocks separated by a space, white space collapsed: the first
    /// `plainTextWords` words (or a few more), exactly as the start of the whole text would read.
    /// Collected as UTF-8 bytes straight from cmark's literals: appending strings adds their bytes.
    private static func plainText(of root: OpaquePointer) -> String {
        var text: [UInt8] = []
        // Words counted at ASCII white space: never more than the real count, so the text is
        // never cut short; it stops between literals, so only its last word may be cut.
        var words = 0
        var inWord = false
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while words <= plainTextWords {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) {
                        let part = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                       count: strlen(literal))
                        for byte in part {
                            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                            if !space && !inWord { words += 1 }
                            inWord = !space
                        }
                        text.append(contentsOf: part)
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text.append(0x20)
                    inWord = false
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT, isBlock(type), !endsWithSpaceCharacter(text) {
                text.append(0x20)
                inWord = false
            }
        }
        return collapsingWhitespace(text)
    }

    /// Whether the text's last character is " " (`String.last == " "`): its last byte is a space
    /// and that space is a character of its own. Only a prepended character (U+0600 …) joins a
    /// following space into its character, so the scalar before the space is all that is asked.
    static func endsWithSpaceCharacter(_ text: [UInt8]) -> Bool {
        guard text.last == 0x20 else { return false }
        guard text.count >= 2, text[text.count - 2] >= 0x80 else { return true }
        var start = text.count - 2
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: text[start...], as: UTF8.self).last == " "
    }

    /// Runs of white space become one space, none at either end: what
    /// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives, done on the bytes
    /// while the text is `PlainScalarText` (its white space is then ASCII, NEL or NBSP, each a
    /// character of its own), else by characters.
    static func collapsingWhitespace(_ text: [UInt8]) -> String {
        text.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                guard let width = PlainScalarText.plainScalarLength(bytes, at: i) else {
                    return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                }
                let byte = bytes[i]
                // NEL (C2 85) and NBSP (C2 A0) are the white space beyond ASCII here.
                let space = width == 1 ? byte == 0x20 || (byte >= 0x09 && byte <= 0x0C)
                    : width == 2 && byte == 0xC2 && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0)
                if space {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)]))
                }
                i += width
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }
}

/// Gives each heading a unique `id`: the regulation outline's anchor when the heading is a part,
/// chapter or article (matched by line), else a slug of its text. `reserved` holds the ids the
/// page itself uses, so a body heading named like a page section cannot steal its anchor.
private struct HeadingAnchors {
    private var outlineAnchors: [Int: String] = [:]
    private var used: Set<String>

    init(outline: RegulationOutline?, reserved: Set<String>) {
        used = reserved
        for entry in outline?.entries ?? [] {
            outlineAnchors[entry.line] = entry.anchor
            used.insert(entry.anchor)
        }
    }

    mutating func anchor(for heading: OpaquePointer) -> String {
        if let anchor = outlineAnchors[Int(cmark_node_get_start_line(heading))] { return anchor }
        let slug = TextFolding.slug(MarkdownDocument.plainText(of: heading))
        var anchor = slug.isEmpty ? "muc" : slug
        if used.contains(anchor) {
            var k = 2
            while used.contains("\(anchor)-\(k)") { k += 1 }
            anchor = "\(anchor)-\(k)"
        }
        used.insert(anchor)
        return anchor
    }
}
