import Foundation
import Testing
@testable import Portal

/// What a browser would run in a page: a small tokenizer for the HTML the portal writes, enough to
/// find scripts, event handlers and script URLs in real tags (not in escaped text). The hostile
/// tests run it over every page; the tests below prove it finds what it must.
enum SafetyScan {
    /// Attributes whose value a browser loads or follows as a URL.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster",
                                             "data", "background", "cite", "longdesc", "ping", "manifest", "codebase"]
    /// Elements that embed or redirect: none belongs in a portal page.
    static let forbiddenElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base"]
    /// Script elements that are data, not code (JSON-LD, the scripts' texts).
    static let dataScriptTypes: Set<String> = ["application/ld+json", "application/json"]

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// Every problem in an HTML text, as "what: where" lines; empty when it is safe.
    static func problems(inHTML html: String) -> [String] {
        var problems: [String] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.lowercased().unicodeScalars)
            guard position + pattern.count <= scalars.count else { return false }
            for (k, p) in pattern.enumerated() where String(scalars[position + k]).lowercased() != String(p) { return false }
            return true
        }
        func find(_ text: String, from position: Int) -> Int? {
            var k = position
            while k < scalars.count { if starts(text, at: k) { return k }; k += 1 }
            return nil
        }
        while i < scalars.count {
            guard scalars[i] == "<" else { i += 1; continue }
            if starts("<!--", at: i) { i = (find("-->", from: i + 4) ?? scalars.count) + 3; continue }
            if i + 1 < scalars.count, scalars[i + 1] == "!" || scalars[i + 1] == "?" || scalars[i + 1] == "/" {
                i = (find(">", from: i + 1) ?? scalars.count) + 1
                continue
            }
            guard i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic else { i += 1; continue }
            let (tag, end) = parseTag(scalars, from: i + 1)
            i = end
            let context = String(String.UnicodeScalarView(scalars[max(0, i - 80)..<min(scalars.count, i)]))
            problems += check(tag).map { "\($0): …\(context)" }
            if tag.name == "script" || tag.name == "style" || tag.name == "textarea" || tag.name == "title" {
                // Raw text: runs to the closing tag, whatever it holds.
                let close = find("</\(tag.name)", from: i) ?? scalars.count
                let inner = String(String.UnicodeScalarView(scalars[i..<close]))
                if tag.name == "script" {
                    if tag.value("src") != nil, !inner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        problems.append("a script with src also has inline code: \(inner.prefix(80))")
                    }
                    if tag.value("src") == nil, inner.lowercased().contains("<!--") || inner.lowercased().contains("<script") {
                        problems.append("a data block holds markup that could end it early: \(inner.prefix(80))")
                    }
                }
                i = close
            }
        }
        return problems
    }

    private static func check(_ tag: Tag) -> [String] {
        var problems: [String] = []
        if forbiddenElements.contains(tag.name) { problems.append("a <\(tag.name)> element") }
        if tag.name == "meta", tag.value("http-equiv")?.lowercased() == "refresh" { problems.append("a meta refresh") }
        for attribute in tag.attributes {
            if attribute.name.hasPrefix("on") { problems.append("an event handler \(attribute.name)") }
            if attribute.name == "style", attribute.value.lowercased().contains("expression(") || attribute.value.lowercased().contains("url(") {
                problems.append("a style attribute that loads or runs something")
            }
            if urlAttributes.contains(attribute.name), let scheme = scriptScheme(attribute.value) {
                problems.append("a \(scheme) URL in \(attribute.name)")
            }
        }
        if tag.name == "script" {
            if let src = tag.value("src") {
                if src.contains(":") || src.hasPrefix("//") { problems.append("a script from elsewhere: \(src)") }
            } else if !dataScriptTypes.contains(tag.value("type")?.lowercased() ?? "") {
                problems.append("an inline script")
            }
        }
        if tag.name == "a", let href = tag.value("href"), isExternal(href) {
            let rel = Set((tag.value("rel") ?? "").lowercased().split(separator: " ").map(String.init))
            if !rel.isSuperset(of: ["noopener", "noreferrer"]) { problems.append("an external link without rel=\"noopener noreferrer\"") }
        }
        return problems
    }

    static func isExternal(_ href: String) -> Bool {
        let lower = href.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
    }

    /// The dangerous scheme of a URL as a browser reads it (entities decoded, whitespace and
    /// controls ignored), or nil.
    static func scriptScheme(_ value: String) -> String? {
        let decoded = decodeEntities(value)
        let compact = String(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init)).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:", "livescript:"] where compact.hasPrefix(scheme) { return scheme }
        return nil
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            if let semi = rest.prefix(12).firstIndex(of: ";") {
                let entity = rest[rest.index(after: rest.startIndex)..<semi]
                var decoded: String?
                switch entity.lowercased() {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "tab": decoded = "\t"
                case "newline": decoded = "\n"
                case "colon": decoded = ":"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16) {
                        decoded = Unicode.Scalar(v).map { String($0) }
                    } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) {
                        decoded = Unicode.Scalar(v).map { String($0) }
                    }
                }
                if let decoded {
                    out += decoded
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = rest.dropFirst()
        }
        return out + rest
    }

    private static func parseTag(_ s: [Unicode.Scalar], from start: Int) -> (Tag, Int) {
        var i = start
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        var name = ""
        while i < s.count, !isSpace(s[i]), s[i] != ">", s[i] != "/" { name.unicodeScalars.append(s[i]); i += 1 }
        var attributes: [(String, String)] = []
        while i < s.count {
            while i < s.count, isSpace(s[i]) || s[i] == "/" { i += 1 }
            if i >= s.count || s[i] == ">" { i += 1; break }
            var attribute = ""
            while i < s.count, !isSpace(s[i]), s[i] != "=", s[i] != ">", !(s[i] == "/" && attribute.isEmpty == false && i + 1 < s.count && s[i + 1] == ">") {
                attribute.unicodeScalars.append(s[i]); i += 1
            }
            while i < s.count, isSpace(s[i]) { i += 1 }
            var value = ""
            if i < s.count, s[i] == "=" {
                i += 1
                while i < s.count, isSpace(s[i]) { i += 1 }
                if i < s.count, s[i] == "\"" || s[i] == "'" {
                    let quote = s[i]
                    i += 1
                    while i < s.count, s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                    i += 1
                } else {
                    while i < s.count, !isSpace(s[i]), s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                }
            }
            if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
        }
        return (Tag(name: name.lowercased(), attributes: attributes.map { (name: $0.0, value: $0.1) }), min(i, s.count))
    }
}

@Suite struct SafetyScanTests {
    @Test(arguments: [
        "<script>alert(1)</script>",
        "<SCRIPT >alert(1)</SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<p><b onclick='x()'>a</b></p>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<a href=\"  JaVa&#x09;Script&colon;alert(1)\">a</a>",
        "<a href=\"&#106;avascript:alert(1)\">a</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<iframe src=\"/\"></iframe>",
        "<script src=\"https://evil.example/x.js\"></script>",
        "<script type=\"text/javascript\">x()</script>",
        "<script type=\"application/ld+json\">{\"a\":\"</script><script>alert(1)</script>\"}</script>",
        "<a href=\"https://example.gov.vn/\">ngoài</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
    ])
    func findsWhatABrowserWouldRun(html: String) {
        #expect(!SafetyScan.problems(inHTML: html).isEmpty, "missed: \(html)")
    }

    @Test(arguments: [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<p title=\"&lt;img src=x onerror=alert(1)&gt;\">onerror=alert(1)</p>",
        "<a href=\"../van-ban/x/index.html\">trong trang</a> javascript:alert(1)",
        "<a href=\"https://example.gov.vn/\" rel=\"noopener noreferrer\">ngoài</a>",
        "<script type=\"application/ld+json\">{\"name\":\"\\u003cscript\\u003e\"}</script>",
        "<script src=\"../assets/banner.js\" defer></script>",
        "<!-- <script>alert(1)</script> -->",
        "<pre><code>&lt;script&gt;</code></pre>",
        "<a>raw HTML omitted</a><img src=\"\" alt=\"x\">",
    ])
    func passesWhatIsOnlyText(html: String) {
        #expect(SafetyScan.problems(inHTML: html) == [])
    }
}

/// Links in bodies: external ones get rel="noopener noreferrer" with cmark's own
/// href escaping; script targets stay blank; internal links are untouched.
@Suite struct BodyLinkSafetyTests {
    static func html(_ markdown: String) -> String {
        BodyRenderer.render(markdown, outline: nil, reservedIDs: []).html
    }

    @Test func externalLinksGetNoopenerAndKeepTheirText() {
        let out = Self.html("[Cổng](https://example.gov.vn/a?x=1&y='2'\"><script> \"tiêu \\\"đề\\\"\") và <https://y.vn/b>")
        #expect(out.contains("<a href=\"https://example.gov.vn/a?x=1&amp;y=&#x27;2&#x27;%22%3E%3Cscript%3E\" title=\"tiêu &quot;đề&quot;\" rel=\"noopener noreferrer\">Cổng</a>"), "\(out)")
        #expect(out.contains("<a href=\"https://y.vn/b\" rel=\"noopener noreferrer\">https://y.vn/b</a>"), "\(out)")
        #expect(SafetyScan.problems(inHTML: out) == [])
    }

    @Test func scriptTargetsStayBlankAndInternalLinksAreUntouched() {
        let out = Self.html("[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](../tep/x.pdf) [d](#dieu-7) ![e](data:image/svg+xml,<svg/onload=x>)")
        #expect(out.contains("<a href=\"\">a</a>") && out.contains("<a href=\"\">b</a>"), "\(out)")
        #expect(out.contains("<a href=\"../tep/x.pdf\">c</a>") && out.contains("<a href=\"#dieu-7\">d</a>"), "\(out)")
        #expect(!out.contains("noopener"))
        #expect(SafetyScan.problems(inHTML: out) == [])
    }

    @Test func escapeHrefMatchesCmark() {
        // cmark renders the same URL itself when the link is not external: both escapings agree.
        let url = "/a b/\"d\"'e'&f?g=h#i~j%20^{|}`ả"
        let cmark = Self.html("[x](<\(url)>)")
        #expect(cmark.contains("href=\"\(ExternalLinks.escapeHref(url))\""), "\(cmark) vs \(ExternalLinks.escapeHref(url))")
    }
}
