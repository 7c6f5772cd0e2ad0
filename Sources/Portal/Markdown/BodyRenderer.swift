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
/// Three things cmark does not do are done on its node tree, never on the HTML text: headings move one
/// level down (the page's `<h1>` is the record's title and the body sits under an `<h2>`) and get
/// an `id` (the outline's anchor for parts, chapters and articles: `dieu-7`); in a regulation,
/// "Điều N" in running text becomes a link to `#dieu-N` when the regulation has that article; and
/// links that leave the site get `rel="noopener noreferrer"` (`ExternalLinks`).
enum BodyRenderer {
    /// `linkerSearchesBytes` is false only in tests, which compare with the Foundation path.
    static func render(_ markdown: String, outline: RegulationOutline?, reservedIDs: Set<String>,
                       linkerSearchesBytes: Bool = true) -> RenderedBody {
        let document = MarkdownDocument(markdown)
        if let outline, !outline.articles.isEmpty {
            var linker = ArticleLinker(outline: outline)
            linker.searchesBytes = linkerSearchesBytes
            linker.link(in: document.root)
        }
        ExternalLinks.markNoOpener(in: document.root)
        var anchors = HeadingAnchors(outline: outline, reserved: reservedIDs)
        var html = ""
        var node = cmark_node_first_child(document.root)
        while let block = node {
            if cmark_node_get_type(block) == CMARK_NODE_HEADING {
                html += heading(block, id: anchors.anchor(for: block))
            } else {
                html += renderHTML(block)
            }
            node = cmark_node_next(block)
        }
        return RenderedBody(html: html, plainText: plainText(of: document.root))
    }

    /// `<h5 id="dieu-7">Điều 7. …</h5>`: one level below the Markdown heading (at most h6).
    private static func heading(_ node: OpaquePointer, id: String) -> String {
        let level = min(Int(cmark_node_get_heading_level(node)) + 1, 6)
        cmark_node_set_heading_level(node, Int32(level))
        let rendered = renderHTML(node)
        let open = "<h\(level)>"
        guard rendered.hasPrefix(open) else { return rendered }
        return "<h\(level) id=\"\(id)\">" + rendered.dropFirst(open.count)
    }

    private static func renderHTML(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Words kept in `plainText`. Its users want the start of the text only (the search index
    /// keeps `SearchIndex.excerptWords` words, structured data 300 characters), and a long
    /// record's whole text cost more to collect than to render.
    static let plainTextWords = 200

    /// The text of the blocks, blocks separated by a space, white space collapsed: the first
    /// `plainTextWords` words (or a few more), exactly as the start of the whole text would read.
    private static func plainText(of root: OpaquePointer) -> String {
        var text = ""
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
                        let part = String(cString: literal)
                        for byte in part.utf8 {
                            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                            if !space && !inWord { words += 1 }
                            inWord = !space
                        }
                        text += part
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                    inWord = false
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT, isBlock(type), text.last != " " {
                text += " "
                inWord = false
            }
        }
        return collapsingWhitespace(text)
    }

    /// Runs of white space become one space, none at either end: what
    /// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives, done on the bytes
    /// when the text is `PlainScalarText` (its white space is then ASCII, NEL or NBSP, each a
    /// character of its own), else by characters.
    static func collapsingWhitespace(_ text: String) -> String {
        guard PlainScalarText.holds(text) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var text = text
        var out: [UInt8] = []
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // NEL (C2 85) and NBSP (C2 A0) are the white space beyond ASCII here.
                let width = byte == 0x09 || (byte >= 0x0A && byte <= 0x0D) || byte == 0x20 ? 1
                    : byte == 0xC2 && i + 1 < bytes.count && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0) ? 2 : 0
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
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
