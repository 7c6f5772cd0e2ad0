import CCmark
import Foundation

/// Finds what the portal will not publish from a record's Markdown body, so the clerk hears of it
/// with a line number instead of finding a gap on the portal: raw HTML (cmark's safe mode omits
/// it), links and images to `javascript:`, `vbscript:`, `file:` and `data:` targets, and invisible
/// control characters. All are warnings: the body still loads, as text.
///
/// The body is parsed only when it contains `<`, `:` or a control character, so most records cost
/// one scan of their bytes.
enum BodyScan {
    /// At most this many warnings of each kind per file; the last one says how many more there are.
    static let maxPerKind = 5

    static func problems(in body: String, firstLine: Int, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let (scalar, line) = ContentLimits.firstForbiddenControl(in: body) {
            diagnostics.append(Diagnostic(.warning, .controlCharacter,
                "the text contains the invisible control character \(ContentLimits.name(scalar))",
                hint: "retype that line; pasted text sometimes carries hidden characters",
                at: SourceLocation(file: file, line: firstLine + line - 1)))
        }
        let needsParse = body.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ":") }
        guard needsParse else { return diagnostics }

        var html: [Int] = []
        var links: [(line: Int, url: String, image: Bool)] = []
        let document = MarkdownDocument(body)
        let iterator = cmark_iter_new(document.root)
        defer { cmark_iter_free(iterator) }
        // Inline nodes carry no line of their own: count the line breaks since their block began.
        var line = 1
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let start = Int(cmark_node_get_start_line(node))
            switch type {
            case CMARK_NODE_HTML_BLOCK:
                html.append(start)
            case CMARK_NODE_HTML_INLINE:
                html.append(line)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                line += 1
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append((line, url, type == CMARK_NODE_IMAGE))
            default:
                if start > 0, type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue { line = start }
            }
        }
        func fileLine(_ bodyLine: Int) -> SourceLocation { SourceLocation(file: file, line: firstLine + max(bodyLine, 1) - 1) }

        for (index, at) in html.prefix(maxPerKind).enumerated() {
            let more = index == maxPerKind - 1 && html.count > maxPerKind ? " (and \(html.count - maxPerKind) more places)" : ""
            diagnostics.append(Diagnostic(.warning, .rawHTML, "raw HTML is not published: the portal shows the text without it\(more)",
                                          hint: "write it in Markdown instead: **bold**, lists with “- ”, tables with “|”",
                                          at: fileLine(at)))
        }
        let unsafe = links.compactMap { link -> (Int, String)? in
            guard let why = unsafeTarget(link.url, image: link.image) else { return nil }
            return (link.line, why)
        }
        for (index, (at, why)) in unsafe.prefix(maxPerKind).enumerated() {
            let more = index == maxPerKind - 1 && unsafe.count > maxPerKind ? " (and \(unsafe.count - maxPerKind) more)" : ""
            diagnostics.append(Diagnostic(.warning, .unsafeLink, why + more,
                                          hint: "link to a web page (https://…) or to a file in Content/ listed under `attachments`",
                                          at: fileLine(at)))
        }
        return diagnostics
    }

    /// Why a link or image target is not published, or nil when it is fine. The schemes are those
    /// cmark's safe mode blanks (`javascript:`, `vbscript:`, `file:`, `data:` except raster images);
    /// embedded raster images are reported too, since the portal's Content-Security-Policy allows
    /// images from the site only.
    static func unsafeTarget(_ url: String, image: Bool) -> String? {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        let scheme = String(url.unicodeScalars.prefix(40).filter { $0.value > 0x20 }.map(Character.init))
            .lowercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard url.contains(":") else { return nil }
        let what = image ? "the image" : "the link"
        switch scheme {
        case "javascript", "vbscript":
            return "\(what) runs a script (“\(Diagnostic.excerpt(url, limit: 40))”); it is removed when published"
        case "file":
            return "\(what) points into the author's own computer (“\(Diagnostic.excerpt(url, limit: 40))”); it is removed when published"
        case "data":
            return image
                ? "the image is embedded as data; it may not show on the portal, whose Content-Security-Policy allows images from the site itself"
                : "the link embeds data (“\(Diagnostic.excerpt(url, limit: 40))”); it is removed when published"
        default:
            return nil
        }
    }
}
