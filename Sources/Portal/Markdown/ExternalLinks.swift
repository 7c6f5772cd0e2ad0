import CCmark
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives every link in a body that leaves the site (`http:`, `https:` or `//host`) the attribute
/// `rel="noopener noreferrer"`, so the page it opens can neither reach back into the portal's
/// window nor learn which notice a citizen was reading.
///
/// cmark has no attributes on its nodes, so such a link becomes a custom inline node whose opening
/// and closing tags are written here, on the node tree, never by editing rendered HTML. Only links
/// whose scheme is http(s) are rewritten: every other link keeps cmark's own rendering, with its
/// safe-mode blanking of `javascript:` and similar targets.
enum ExternalLinks {
    static let rel = "noopener noreferrer"

    static func markNoOpener(in root: OpaquePointer) {
        // Collect first: the tree must not change under a running iterator.
        var links: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_LINK else { continue }
            links.append(node)
        }
        cmark_iter_free(iterator)
        for link in links {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            guard isExternal(url) else { continue }
            let title = cmark_node_get_title(link).map { String(cString: $0) } ?? ""
            var open = "<a href=\"\(escapeHref(url))\""
            if !title.isEmpty { open += " title=\"\(HTMLText.escape(title))\"" }
            open += " rel=\"\(rel)\">"
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(custom, open)
            cmark_node_set_on_exit(custom, "</a>")
            while let child = cmark_node_first_child(link) {
                cmark_node_append_child(custom, child)
            }
            if cmark_node_replace(link, custom) == 1 {
                cmark_node_free(link)
            } else {
                cmark_node_free(custom)
            }
        }
    }

    /// http(s) or protocol-relative: the only targets rewritten (and the only ones that leave the site).
    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }

    /// The escaping cmark gives an `href` (houdini's href escaper): URL characters stay, `&` and `'`
    /// become entities, everything else is percent-encoded byte by byte. So no quote, space or `<`
    /// can leave the attribute.
    static func escapeHref(_ url: String) -> String {
        var out = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                if "-_.+!*(),%#@?=;:/$~".utf8.contains(byte) {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
        }
        return out
    }
}
