import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Disclosure
import Compliance
@testable import Portal

/// The hostile corpus (Fixtures/hostile/Content: scripts and event handlers in every field, script
/// URLs, raw HTML, deep nesting, private data, hidden records) built in memory like
/// `congkhai build`; every output file is scanned.
@Suite struct HostileSiteTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile/Content", isDirectory: true)

    /// Built once per process: the corpus is large on purpose.
    static let built: Result<BuiltSite, Error> = Result { try buildHostile() }

    static func buildHostile() throws -> BuiltSite {
        let loaded = ContentLoader.load(from: content)
        guard !loaded.isUnreadable else { throw HostileError.unreadable(loaded.diagnostics.errors.map { "\($0.location?.description ?? ""): \($0.message)" }) }
        let attachments = Attachments.locate(for: loaded, in: content)
        return try SiteBuilder(content: loaded, asOf: Day(year: 2024, month: 2, day: 15)!, book: RuleBook(content: loaded),
                               attachments: attachments.files).build()
    }

    enum HostileError: Error { case unreadable([String]) }

    /// The text of every file of the site (copied attachments read from their source).
    static func texts(_ site: BuiltSite) throws -> [(path: String, text: String)] {
        try site.files.map { file in
            switch file.contents {
            case .bytes(let data): return (file.path, String(decoding: data, as: UTF8.self))
            case .copy(let url): return (file.path, String(decoding: try Data(contentsOf: url), as: UTF8.self))
            }
        }
    }

    @Test func theCorpusLoadsWithWarningsThatNameFileAndLine() {
        let loaded = ContentLoader.load(from: Self.content)
        #expect(!loaded.isUnreadable, "\(loaded.diagnostics.errors)")
        let warnings = loaded.diagnostics.filter { $0.location?.file.hasSuffix("scripts-everywhere.md") == true }
        #expect(Set(warnings.map(\.code)).isSuperset(of: [.rawHTML, .unsafeLink]))
        #expect(warnings.allSatisfy { ($0.location?.line ?? 0) > 1 })
    }

    @Test func noPageCarriesAScriptAnEventHandlerOrAScriptURLFromContent() throws {
        let site = try Self.built.get()
        var scanned = 0
        for (path, text) in try Self.texts(site) where path.hasSuffix(".html") {
            scanned += 1
            #expect(SafetyScan.problems(inHTML: text) == [], "\(path)")
        }
        #expect(scanned > 10)
    }

    @Test func everyPageSetsAStrictContentSecurityPolicy() throws {
        let site = try Self.built.get()
        for (path, text) in try Self.texts(site) where path.hasSuffix(".html") {
            let policy = try #require(Self.contentSecurityPolicy(in: text), "\(path) has no Content-Security-Policy")
            let directives = Dictionary(policy.split(separator: ";").map { part -> (String, String) in
                let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
                return (words.first ?? "", words.count > 1 ? words[1] : "")
            }, uniquingKeysWith: { first, _ in first })
            #expect(directives["script-src"] == "'self'", "\(path): \(policy)")
            #expect(directives["object-src"] == "'none'", "\(path)")
            #expect(directives["base-uri"] == "'none'", "\(path)")
            #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(path)")
            // The policy must come before anything it governs: right after the charset.
            let head = text.components(separatedBy: "Content-Security-Policy").first ?? ""
            #expect(!head.lowercased().contains("<script") && !head.lowercased().contains("<link"), "\(path)")
        }
    }

    static func contentSecurityPolicy(in html: String) -> String? {
        guard let meta = html.range(of: "<meta http-equiv=\"Content-Security-Policy\" content=\"") else { return nil }
        let rest = html[meta.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func externalLinksInBodiesGetNoopenerAndScriptLinksLoseTheirTarget() throws {
        let site = try Self.built.get()
        let page = try site.text(SitePaths.record("2024-1-tb-ubnd"))
        #expect(page.contains("rel=\"noopener noreferrer\""))
        // The link text stays readable; its target is gone.
        #expect(page.contains("Liên kết script"))
        #expect(page.contains("<a href=\"\">Liên kết script</a>"))
        #expect(page.contains("&lt;script&gt;alert('XSS-CODE')&lt;/script&gt;") || page.contains("&lt;script&gt;alert(&#39;XSS-CODE&#39;)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
    }

    @Test func feedsAndTheAPIAreWellFormedAndEscapeWhatTheyEmbed() throws {
        let site = try Self.built.get()
        var checked: Set<String> = []
        for (path, text) in try Self.texts(site) {
            if path.hasSuffix(".json") {
                let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
                for (key, html) in Self.strings(in: value) where key.hasSuffix("html") {
                    #expect(SafetyScan.problems(inHTML: html) == [], "\(path) \(key)")
                }
                checked.insert(path)
            } else if path.hasSuffix(".atom") || path.hasSuffix(".xml") || path.hasSuffix(".rss") {
                let document = XMLHTMLCollector(data: Data(text.utf8))
                #expect(document.parsed, "\(path) is not well-formed XML: \(document.error ?? "")")
                for html in document.htmlTexts {
                    #expect(SafetyScan.problems(inHTML: html) == [], "\(path)")
                }
                checked.insert(path)
            } else if path.hasSuffix(".ics") {
                #expect(Self.calendarProblems(text) == [], "\(path)")
                checked.insert(path)
            }
        }
        #expect(checked.isSuperset(of: [SitePaths.atomFeed, SitePaths.jsonFeed, SitePaths.calendar, SitePaths.recordsAPI,
                                        SitePaths.searchIndex, SitePaths.sitemap]))
    }

    @Test func aTitleCannotAddLinesToTheCalendar() throws {
        let site = try Self.built.get()
        let calendar = try site.text(SitePaths.calendar)
        #expect(calendar.contains("Họp dân"))
        #expect(!calendar.contains("\r\nX-INJECTED"))
        // The injected text stays inside its SUMMARY: one event per posting, every line a property.
        let lines = calendar.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        #expect(!lines.contains { $0.hasPrefix("X-INJECTED") })
        #expect(lines.contains { $0.hasPrefix("SUMMARY:") && $0.contains("Họp dân\\nEND:VEVENT\\nBEGIN:VEVENT\\nX-INJECTED:1") })
    }

    /// Lines of an iCalendar text that are not `NAME[;params]:value` after unfolding, or that a
    /// title injected.
    static func calendarProblems(_ text: String) -> [String] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var problems: [String] = []
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if name.isEmpty || !(line.dropFirst(name.count).first == ":" || line.dropFirst(name.count).first == ";") {
                problems.append("not a property line: \(line.prefix(60))")
            }
            if name.uppercased().hasPrefix("X-INJECTED") { problems.append("injected: \(line.prefix(60))") }
        }
        if unfolded.contains("\n") && unfolded.replacingOccurrences(of: "\r\n", with: "").contains("\n") {
            problems.append("a bare line feed")
        }
        return problems
    }

    /// Every string in a JSON value, with the key it sits under.
    static func strings(in value: Any, key: String = "") -> [(String, String)] {
        switch value {
        case let s as String: return [(key, s)]
        case let a as [Any]: return a.flatMap { strings(in: $0, key: key) }
        case let d as [String: Any]: return d.flatMap { strings(in: $0.value, key: $0.key) }
        default: return []
        }
    }

    @Test func deeplyNestedBodiesRender() throws {
        let site = try Self.built.get()
        let page = try site.text(SitePaths.record("deeply-nested"))
        #expect(page.contains("danh sách"))
        #expect(page.contains("trích dẫn"))
    }
}

/// Parses a feed or sitemap and keeps the text of every element marked `type="html"` (Atom's
/// escaped HTML), which feed readers render as HTML.
final class XMLHTMLCollector: NSObject, XMLParserDelegate {
    private(set) var htmlTexts: [String] = []
    private(set) var parsed = false
    private(set) var error: String?
    private var collecting: [Bool] = []
    private var text = ""

    init(data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parsed = parser.parse()
        if !parsed { error = parser.parserError.map { "\($0)" } }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let html = attributes["type"] == "html" || attributes["type"] == "xhtml"
        collecting.append(html)
        if html { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting.last == true { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting.last == true { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if collecting.popLast() == true { htmlTexts.append(text) }
    }
}
