import CCmark
import Foundation

/// Finds what the portal will not publish from a record's Markdown body, so the clerk hears of it
/// with a line number instead of finding a gap on the portal: raw HTML (cmark's safe mode omits
/// it), links and images to `javascript:`, `vbscript:`, `file:` and `data:` targets, and invisible
/// control characters. All are warnings: the body still loads, as text.
///
/// The body is parsed only when it could hold one of these (`mayHoldUnpublished`) or when the
/// regulation outline needs its headings; then one cmark walk gives both. The portal parses each
/// body once more to render it, so most records cost one scan of their bytes here.
enum BodyScan {
    /// At most this many warnings of each kind per file; the last one says how many more there are.
    static let maxPerKind = 5

    /// What the loader learns from a body: warnings, and top-level headings when asked for.
    struct Findings {
        var diagnostics: [Diagnostic]
        /// Top-level headings (plain text, body line), in order; nil when not asked for.
        var headings: [(text: String, line: Int)]?
    }

    static func problems(in body: String, firstLine: Int, file: String) -> [Diagnostic] {
        scan(body, firstLine: firstLine, file: file, headings: false).diagnostics
    }

    static func scan(_ body: String, firstLine: Int, file: String, headings wantsHeadings: Bool) -> Findings {
        var diagnostics: [Diagnostic] = []
        if let (scalar, line) = ContentLimits.firstForbiddenControl(in: body) {
            diagnostics.append(Diagnostic(.warning, .controlCharacter,
                "the text contains the invisible control character \(ContentLimits.name(scalar))",
                hint: "retype that line; pasted text sometimes carries hidden characters",
                at: SourceLocation(file: file, line: firstLine + line - 1)))
        }
        let needsScan = mayHoldUnpublished(body)
        guard needsScan || wantsHeadings else { return Findings(diagnostics: diagnostics, headings: nil) }

        let walked = walk(body)
        let outlineHeadings = wantsHeadings ? walked.headings : nil
        guard needsScan else { return Findings(diagnostics: diagnostics, headings: outlineHeadings) }
        let html = walked.html, links = walked.links
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
        return Findings(diagnostics: diagnostics, headings: outlineHeadings)
    }

    /// What one cmark walk of a body finds: raw HTML and links with their body lines, and the
    /// top-level headings.
    struct Walk {
        var html: [Int] = []
        var links: [(line: Int, url: String, image: Bool)] = []
        var headings: [(text: String, line: Int)] = []
    }

    static func walk(_ body: String) -> Walk {
        var found = Walk()
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
                found.html.append(start)
            case CMARK_NODE_HTML_INLINE:
                found.html.append(line)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                line += 1
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                found.links.append((line, url, type == CMARK_NODE_IMAGE))
            default:
                if start > 0, type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue { line = start }
                if type == CMARK_NODE_HEADING, cmark_node_parent(node) == document.root {
                    found.headings.append((MarkdownDocument.plainText(of: node), start))
                }
            }
        }
        return found
    }

    /// False only when the body surely holds no raw HTML and no link or image to a `javascript:`,
    /// `vbscript:`, `file:` or `data:` target, decided on its bytes. Raw HTML, autolinks and
    /// link destinations in `<…>` need `<`; entities (`&#106;`) need `&`; any other destination is
    /// the body's own characters (no space or control; a backslash only drops before punctuation),
    /// so such a target shows in it as `script`, `file` or `data`, in any case, then `:` or `\:`.
    static func mayHoldUnpublished(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while true {
                i = ByteClasses.table.firstIndex(in: bytes, from: i, matching: ByteClasses.markup | ByteClasses.colon)
                guard i < n else { return false }
                guard bytes[i] == UInt8(ascii: ":") else { return true }  // `<`, `&` or a control
                var end = i
                if end > 0 && bytes[end - 1] == UInt8(ascii: "\\") { end -= 1 }
                if endsWith(bytes, end, "script") || endsWith(bytes, end, "file") || endsWith(bytes, end, "data") { return true }
                i += 1
            }
        }
    }

    /// The bytes before `end` are `word` (lower-case ASCII), ignoring ASCII case.
    private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end >= count else { return false }
        let pattern = word.utf8Start
        for k in 0..<count where bytes[end - count + k] | 0x20 != pattern[k] { return false }
        return true
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
