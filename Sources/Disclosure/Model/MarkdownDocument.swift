import CCmark

/// A parsed CommonMark document (libcmark). Owns its node tree and frees it.
/// Raw HTML stays suppressed: nothing here passes CMARK_OPT_UNSAFE.
public final class MarkdownDocument {
    public let root: OpaquePointer

    public init(_ markdown: String) {
        root = markdown.withCString { ptr in
            cmark_parse_document(ptr, strlen(ptr), CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8)
        }
    }

    deinit { cmark_node_free(root) }

    /// Headings with their plain text and start line, in document order.
    public var headings: [(text: String, level: Int, line: Int)] {
        var result: [(String, Int, Int)] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING {
                result.append((MarkdownDocument.plainText(of: current),
                               Int(cmark_node_get_heading_level(current)),
                               Int(cmark_node_get_start_line(current))))
            }
            node = cmark_node_next(current)
        }
        return result
    }

    /// The concatenated literal text under a node (text, code, soft breaks as spaces).
    public static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
