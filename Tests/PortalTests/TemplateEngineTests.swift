import Foundation
import Testing
import TestSupport
import Disclosure
import Compliance
@testable import Portal

/// The template engine (Portal/Templates) on the default theme's real views, on a commune's
/// templates it refuses, and on its pieces; the official specification has its own suite below
/// (`MustacheSpecTests`), and the golden files pin the pages' bytes.
@Suite("Template engine")
struct TemplateEngineTests {
    // MARK: The default theme on real views

    /// Every view of the sample site at a few days (postings upcoming, open, ended), with its template.
    static func sampleViews() throws -> [(template: String, view: Any)] {
        let content = PortalFixture.load()
        try #require(!content.isUnreadable)
        var views: [(String, Any)] = []
        for day in ["2024-01-20", "2024-02-15", "2024-02-26", "2024-06-30", "2026-06-30"] {
            let portal = PortalContent(content: content, book: RuleBook(content: content), asOf: PortalFixture.day(day),
                                       urls: SiteURLs(base: content.site.baseURL))
            let strings = PortalStrings.vi
            let layouts = LayoutFactory(content: portal, strings: strings)
            let feeds = FeedSet.siteFeeds(strings: strings)
            views.append(("home", HomePage(content: portal, layouts: layouts, feeds: feeds)))
            views.append(("about", AboutPage(content: portal, layouts: layouts, feeds: feeds)))
            views.append(("search", SearchPage(content: portal, layouts: layouts)))
            views.append(("not-found", NotFoundPage(content: portal, layouts: layouts)))
            views += ArchivePages(content: portal, layouts: layouts).all().map { ($0.template, $0.view()) }
            for entry in portal.records {
                views.append(("record", RecordPage(entry, content: portal, layouts: layouts)))
                if let schedule = entry.schedule {
                    views.append(("print", PrintNotice(entry, schedule: schedule, content: portal, qr: try QRCode(encoding: "https://congkhai.example/"), strings: strings)))
                }
            }
            views.append(("ledger", LedgerPageView(ledger: Ledger(content: content), layouts: layouts, timeZone: content.site.timeZone)))
            views.append(("ledger", LedgerPageView(ledger: nil, layouts: layouts, timeZone: content.site.timeZone)))
        }
        return views
    }

    @Test("the default theme compiles, and every view of the sample site renders with its template")
    func defaultThemeRenders() throws {
        let compiled = try CompiledTheme(sources: Theme.default.templates)
        #expect(Set(compiled.templates.keys) == Set(Theme.default.templates.keys))
        let renderer = PageRenderer(theme: .default)
        let views = try Self.sampleViews()
        #expect(views.count > 100)
        for (template, view) in views {
            let page = String(decoding: try renderer.render(view, with: template), as: UTF8.self)
            #expect(!page.isEmpty, "\(template): \(type(of: view)) renders nothing")
            #expect(!page.contains("{{") && !page.contains("}}"), "\(template): \(type(of: view)) prints a tag")
        }
    }

    // MARK: Forgotten fields

    /// Every stored property of every view is a template field, in declaration order, and a field
    /// is absent exactly when the property is a nil optional.
    @Test("the field tables list every stored property of the views")
    func fieldTablesMatchStoredProperties() throws {
        var checked = Set<String>()
        func check(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value { check(wrapped) }
                return
            }
            if mirror.displayStyle == .collection {
                for child in mirror.children { check(child.value) }
                return
            }
            // The strings table has its own test; views that hold `PortalStrings` read it as a `TemplateStrings`.
            guard mirror.displayStyle == .struct || (mirror.displayStyle == .class && !(value is TemplateStrings)),
                  !(value is String), !(value is PortalStrings) else { return }
            guard let fields = value as? any TemplateFields else {
                Issue.record("\(type(of: value)) is not TemplateFields")
                return
            }
            checked.insert(String(describing: type(of: value)))
            var names: [String] = []
            fields.forEachField { name, _ in names.append(name) }
            let labels = mirror.children.compactMap(\.label)
            #expect(names == labels, "\(type(of: value)): fields \(names) vs stored properties \(labels)")
            for child in mirror.children {
                guard let label = child.label else { continue }
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
                #expect((fields.field(label) == nil) == isNil, "\(type(of: value)).\(label)")
                check(child.value)
            }
            #expect(fields.field("noSuchField") == nil)
        }
        for (_, view) in try Self.sampleViews() { check(view) }
        // The sample's lists are short: a paginated list is made here.
        check(Pagination(current: 2, total: 3, folder: "nam-2024", from: "nam-2024/trang-2/index.html", strings: .vi) as Any)
        for name in ["RecordPage", "MetaRow", "TocNode", "Signature", "Paper", "DossierView", "Reference", "HomePage",
                     "AboutPage", "Regime", "Row", "SearchPage", "NotFoundPage", "ListPage", "Group", "Pagination",
                     "PageLink", "HubPage", "Entry", "PageLayout", "NavItem", "Alternate", "Footer", "Link",
                     "RecordSummary", "PostingBanner", "PrintNotice", "Line", "LedgerPageView"] {
            #expect(checked.contains(name), "no sample view of type \(name) was checked")
        }
    }

    @Test("the strings table answers every string of PortalStrings")
    func stringsTable() {
        var strings = PortalStrings()
        strings.navHome = "Nhà <chính>"
        let table = TemplateStrings(strings)
        var count = 0
        for child in Mirror(reflecting: strings).children {
            guard let label = child.label, let text = child.value as? String else { continue }
            count += 1
            guard case .text(let value)? = table.field(label) else {
                Issue.record("t.\(label) is missing")
                continue
            }
            #expect(value == text)
        }
        #expect(count > 150)
        #expect(table.digest != TemplateStrings(.vi).digest)
    }

    // MARK: Refused templates

    @Test("a template with a transform, a dynamic name or a pragma is refused with its line", arguments: [
        ("<p>\n{{<layout}}{{$main}}\n<h1>{{lowercased(heading)}}</h1>{{/main}}{{/layout}}\n", 3, "lowercased(heading)"),
        ("{{<layout}}{{$main}}{{>*heading}}{{/main}}{{/layout}}\n", 1, "{{>*…}}"),
        ("a\nb\n  {{%CONTENT_TYPE:TEXT}}<{{heading}}>\n", 3, "{{%…}}"),
        ("{{#items}}{{index()}}{{/items}}", 1, "index()"),
        ("x\n{{<*parent}}{{/*parent}}", 2, "{{>*…}}"),
    ])
    func unsupportedTags(text: String, line: Int, quoted: String) throws {
        let error = try #require(throws: TemplateSyntaxError.self) { try TemplateParser.parse(text) }
        #expect(error.isUnsupported)
        #expect(error.line == line)
        #expect(error.vietnamese.contains(quoted) && error.english.contains(quoted) && error.english.contains("not supported"))

        var files = DefaultTheme.files.mapValues { Data($0.utf8) }
        files["templates/not-found.mustache"] = Data(text.utf8)
        let theme = Theme(files: files)
        #expect(throws: ThemeError.self) { try CompiledTheme(sources: theme.templates) }
        // The renderer refuses every page of such a theme, not only the one that uses the tag.
        let content = PortalFixture.load()
        let portal = PortalContent(content: content, book: RuleBook(content: content), asOf: PortalFixture.day("2024-02-15"),
                                   urls: SiteURLs(base: content.site.baseURL))
        let layouts = LayoutFactory(content: portal, strings: .vi)
        #expect(throws: ThemeError.self) { try PageRenderer(theme: theme).render(RecordPage(portal.records[0], content: portal, layouts: layouts), with: "record") }

        let problems = try Self.loadingProblems(["not-found": text])
        let problem = try #require(problems.first { $0.severity == .error })
        #expect(problems.count == 1)
        #expect(problem.location == SourceLocation(file: "Content/theme/templates/not-found.mustache", line: line))
        // Vietnamese first, then English.
        let vietnamese = try #require(problem.message.range(of: "không hỗ trợ"))
        let english = try #require(problem.message.range(of: "not supported"))
        #expect(vietnamese.lowerBound < english.lowerBound)
        #expect(problem.hint?.contains("docs/theme.md") == true)
    }

    @Test("a template that does not parse is reported by the theme with its line", arguments: [
        ("<p>\n{{#records}}\n<li>{{title}}</li>\n", 2),
        ("<p>\n\n{{#a}}{{/b}}\n", 3),
        ("<p>{{title</p>\n", 1),
        ("ok\n{{/a}}\n", 2),
        ("{{<layout}}\n{{title}}\n{{/layout}}\n", 1),
        ("a\n{{! never closed\n", 2),
    ])
    func malformedTemplate(text: String, line: Int) throws {
        let error = try #require(throws: TemplateSyntaxError.self) { try TemplateParser.parse(text) }
        #expect(!error.isUnsupported)
        #expect(error.line == line, "\(text.debugDescription): \(error)")
        let problems = try Self.loadingProblems(["home": text])
        #expect(problems.contains { $0.severity == .error && $0.location == SourceLocation(file: "Content/theme/templates/home.mustache", line: line) })
        var files = DefaultTheme.files.mapValues { Data($0.utf8) }
        files["templates/home.mustache"] = Data(text.utf8)
        struct Plain: TemplateView {
            static let templateFields = TemplateFieldTable<Plain>([:])
        }
        #expect(throws: ThemeError.self) { try PageRenderer(theme: Theme(files: files)).render(Plain(), with: "home") }
    }

    @Test("a renderer refuses a missing template and a view that is not a template view")
    func missingTemplate() throws {
        let renderer = PageRenderer(theme: Theme(files: ["templates/plain.mustache": Data("<h1>{{heading}}</h1>".utf8)]))
        struct Plain { let heading = "Tiêu đề" }
        #expect(throws: ThemeError.self) { try renderer.render(Plain(), with: "plain") }
        let view = RandomView(name: "Tiêu đề", count: 0, flag: false, note: nil, items: [], child: nil)
        #expect(throws: ThemeError.self) { try renderer.render(view, with: "no-such-template") }
    }

    /// The diagnostics of a theme folder holding `templates`.
    static func loadingProblems(_ templates: [String: String]) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent("templates/\(name).mustache"))
        }
        return Theme.loading(overridesIn: folder, shownAs: "Content/theme").1
    }

    // MARK: Beyond the specification

    @Test("what the specification leaves open: local names, empty values, objects, quotes before marks")
    func extensions() throws {
        let view = RandomView(name: "Tên <b>", count: 0, flag: true, note: "", items: [
            RandomView(name: "một", count: 1, flag: false, note: nil, items: [], child: nil),
        ], child: RandomChild(name: "con", note: "x'y", items: []))
        func render(_ text: String, partials: [String: String] = [:]) throws -> String {
            let compiled = try CompiledTheme(sources: partials.merging(["page": text]) { a, _ in a })
            return String(decoding: try #require(compiled.render(view, with: "page")), as: UTF8.self)
        }
        // `{{.name}}` looks in the current object only.
        #expect(try render("{{#items}}{{.note}}|{{note}}|{{.count}}{{/items}}") == "||1")
        // An empty text and 0 are present values: a section renders once with them.
        #expect(try render("{{#note}}[{{.}}]{{/note}}{{#count}}<{{.}}>{{/count}}{{^note}}no{{/note}}") == "[]<0>")
        // Objects and lists print nothing.
        #expect(try render("({{child}}{{items}}{{{items}}})") == "()")
        // Every quote is escaped, even one a combining mark follows.
        #expect(HTMLEscaping.escaped("\"\u{301}<\u{300}'&") == "&quot;\u{301}&lt;\u{300}&#39;&amp;")
        #expect(try render("{{name}} {{{name}}}") == "Tên &lt;b&gt; Tên <b>")
        // A missing partial or parent prints nothing; a template may end in a lone brace.
        #expect(try render("a{{>missing}}{{<missing}}{{/missing}}b{") == "ab{")
        // Indentation of a standalone partial goes on every line, those starting a section's body too.
        #expect(try render("<ul>\n  {{>li}}\n</ul>\n", partials: ["li": "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n"])
                == "<ul>\n  <li>một</li>\n</ul>\n")
        // A line that starts with a closing tag keeps its indentation (the default theme's table of contents).
        #expect(try render("<ol>\n  {{>li}}\n</ol>\n", partials: ["li": "<li>{{#child}}\n{{name}}\n{{/child}}</li>\n"])
                == "<ol>\n  <li>\n  con\n  </li>\n</ol>\n")
    }

    // MARK: Pieces

    @Test("filling placeholders in one pass gives the bytes of replacing them in turn")
    func fill() {
        var random = SeededGenerator(seed: 7)
        let names = ["date", "n", "total", "issuer", "d"]
        let pieces = ["{date}", "{n}", "{total}", "{issuer}", "{", "}", "{x}", "ngày ", "/", "\u{301}", "ệ", " ", "{{n}}", "{d}", "\u{600}"]
        let valuePieces = ["05/02/2024", "12", "", "UBND xã Đông Sơn", "{n}", "}", "ễ", "\u{301}", "a", "{date}", "\u{600}"]
        var cases: [(String, [String: String])] = [
            (PortalStrings.vi.metaPostingPeriod, ["start": "05/02/2024", "days": "20", "end": "25/02/2024"]),
            (PortalStrings.vi.pageOf, ["n": "2", "total": "10"]),
            ("{a}{b}", ["a": "{b}", "b": "X"]),
            ("{{a}}", ["a": "b", "b": "X"]),
            ("x\u{600}{a}{b}", ["a": "", "b": "X"]),
            ("{n}\u{301} {n}", ["n": "1"]),
        ]
        for _ in 0..<2000 {
            let template = (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
            var values: [String: String] = [:]
            for name in names where random.below(3) > 0 {
                values[name] = (0..<random.below(3)).map { _ in valuePieces[random.below(valuePieces.count)] }.joined()
            }
            cases.append((template, values))
        }
        var fast = 0
        for (template, values) in cases {
            #expect(PortalStrings.fill(template, values) == PortalStrings.filledInTurn(template, values),
                    "\(template.debugDescription) \(values)")
            if PortalStrings.filledInOnePass(template, values) != nil { fast += 1 }
        }
        #expect(fast > 10)
        #expect(PortalStrings.filledInOnePass(PortalStrings.vi.metaPostingPeriod, ["start": "05/02/2024", "days": "20", "end": "25/02/2024"]) != nil)
    }

    @Test("a typed view's digest follows every field the templates can print")
    func digests() throws {
        let fingerprint = ViewDigest(a: 1, b: 2)
        func digest(_ view: RandomView) -> ViewDigest { ViewDigest.of(view, template: "page", fingerprint: fingerprint) }
        let base = RandomView(name: "a", count: 1, flag: true, note: nil, items: [], child: nil)
        #expect(digest(base) == digest(RandomView(name: "a", count: 1, flag: true, note: nil, items: [], child: nil)))
        #expect(digest(base) != digest(RandomView(name: "b", count: 1, flag: true, note: nil, items: [], child: nil)))
        #expect(digest(base) != digest(RandomView(name: "a", count: 2, flag: true, note: nil, items: [], child: nil)))
        #expect(digest(base) != digest(RandomView(name: "a", count: 1, flag: false, note: nil, items: [], child: nil)))
        #expect(digest(base) != digest(RandomView(name: "a", count: 1, flag: true, note: "", items: [], child: nil)))
        #expect(digest(base) != digest(RandomView(name: "a", count: 1, flag: true, note: nil, items: [base], child: nil)))
        #expect(digest(base) != digest(RandomView(name: "a", count: 1, flag: true, note: nil, items: [], child: RandomChild(name: "", note: nil, items: []))))
        #expect(ViewDigest.of(base, template: "page", fingerprint: fingerprint) != ViewDigest.of(base, template: "list", fingerprint: fingerprint))
        // The strings table counts by its contents.
        var other = PortalStrings()
        other.navHome = "Trang nhà"
        let content = PortalFixture.load()
        let portal = PortalContent(content: content, book: RuleBook(content: content), asOf: PortalFixture.day("2024-02-15"),
                                   urls: SiteURLs(base: content.site.baseURL))
        let a = NotFoundPage(content: portal, layouts: LayoutFactory(content: portal, strings: .vi))
        let b = NotFoundPage(content: portal, layouts: LayoutFactory(content: portal, strings: other))
        #expect(ViewDigest.of(a, template: "not-found", fingerprint: fingerprint) != ViewDigest.of(b, template: "not-found", fingerprint: fingerprint))
        #expect(ViewDigest.of(a, template: "not-found", fingerprint: fingerprint)
                == ViewDigest.of(NotFoundPage(content: portal, layouts: LayoutFactory(content: portal, strings: .vi)), template: "not-found", fingerprint: fingerprint))
    }

    @Test("field names are numbered once per process; positions find the first field of a name")
    func fieldPositions() {
        let name = "fieldPositionsTest\(UInt64.random(in: 0...UInt64.max))"
        #expect(FieldID(existing: name) == nil)
        let positions = FieldPositions(["a", name, "b", name])
        #expect(FieldID(existing: name) == FieldID(name))
        #expect(positions[FieldID(name)] == 1)
        #expect(positions[FieldID("a")] == 0)
        #expect(positions[FieldID("b")] == 2)
        #expect(positions[FieldID("notInThisTable")] == nil)
        #expect(positions[FieldID(name + "-later")] == nil)  // numbered after the table was made
        let view = RandomView(name: "x", count: 3, flag: true, note: nil, items: [], child: nil)
        guard case .number(3)? = view.field("count") else {
            Issue.record("count")
            return
        }
        #expect(view.field("note") == nil && view.field(name) == nil && view.field("noSuchFieldAnywhere") == nil)
    }

    @Test("the flat program keeps every template's body, and a partial missing from the theme prints nothing")
    func programLayout() throws {
        let sources = ["page": "a{{>missing}}b{{#items}}[{{name}}]{{/items}}{{<parent}}{{$x}}X{{/x}}{{/parent}}",
                       "parent": "<{{$x}}d{{/x}}|{{$y}}e{{/y}}>"]
        let compiled = try CompiledTheme(sources: sources)
        #expect(compiled.program.numbers.count == 2)
        #expect(compiled.program.bodies.count == 2)
        let view = RandomView(name: "n", count: 0, flag: false, note: nil, items: [
            RandomView(name: "i", count: 0, flag: false, note: nil, items: [], child: nil)], child: nil)
        let fast = try #require(compiled.render(view, with: "page"))
        #expect(String(decoding: fast, as: UTF8.self) == "ab[i]<X|e>")
        #expect(compiled.render(view, with: "nothing") == nil)
    }
}

// MARK: Views of every kind of field

/// A view of every kind of field the engine handles.
struct RandomView: TemplateView {
    let name: String
    let count: Int
    let flag: Bool
    let note: String?
    let items: [RandomView]
    let child: RandomChild?

    static let templateFields = TemplateFieldTable<RandomView>([
        "name": { .text($0.name) },
        "count": { .number($0.count) },
        "flag": { .bool($0.flag) },
        "note": { $0.note.map(TemplateValue.text) },
        "items": { .objects($0.items) },
        "child": { $0.child.map(TemplateValue.object) },
    ])
}

/// An object inside a view.
struct RandomChild: TemplateView {
    let name: String
    let note: String?
    let items: [RandomView]

    static let templateFields = TemplateFieldTable<RandomChild>([
        "name": { .text($0.name) },
        "note": { $0.note.map(TemplateValue.text) },
        "items": { .objects($0.items) },
    ])
}

extension TemplateFields {
    /// The field named `name`, found by the number the templates use.
    func field(_ name: String) -> TemplateValue? { FieldID(existing: name).flatMap { field($0) } }
}

// MARK: The official Mustache specification

/// Every case of the official specification's files for what the engine supports
/// (github.com/mustache/spec, vendored in MustacheSpec/ with its licence): the template with the
/// case's partials, rendered with the case's data as the root of the context, must print exactly
/// the expected text.
@Suite("Mustache specification")
struct MustacheSpecTests {
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")

    struct SpecFile: Decodable {
        let tests: [SpecCase]
    }

    struct SpecCase: Decodable {
        let name: String
        let desc: String
        let data: JSONValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    @Test("every case of a specification file passes", arguments: files)
    func specFile(_ file: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(file).json"))
        let spec = try JSONDecoder().decode(SpecFile.self, from: data)
        #expect(!spec.tests.isEmpty)
        var passed = 0
        for test in spec.tests {
            // The case's own template under a name no partial of the specification uses.
            let name = "spec case"
            var sources = test.partials ?? [:]
            sources[name] = test.template
            let output: String
            do {
                let compiled = try CompiledTheme(sources: sources)
                output = String(decoding: try #require(compiled.render(test.data.templateValue ?? .text(""), with: name)), as: UTF8.self)
            } catch {
                Issue.record("\(file) “\(test.name)”: \(error)")
                continue
            }
            if output == test.expected {
                passed += 1
            } else {
                Issue.record("""
                    \(file) “\(test.name)” (\(test.desc)):
                    template \(test.template.debugDescription)
                    expected \(test.expected.debugDescription)
                    printed  \(output.debugDescription)
                    """)
            }
        }
        print("Mustache spec: \(file) \(passed)/\(spec.tests.count) passed")
    }

    @Test("the vendored files are the ones the engine claims, with the specification's licence")
    func vendored() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names == (["LICENSE", "README.md"] + Self.files.map { "\($0).json" }).sorted())
    }
}

/// A JSON value of the specification's data, as the templates see it: objects by field name,
/// null as absent, decimals printed as the JSON writes them.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case decimal(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try container.allKeys.map { ($0.stringValue, try container.decode(JSONValue.self, forKey: $0)) })
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !container.isAtEnd { items.append(try container.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .decimal("\(number)")
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    var templateValue: TemplateValue? {
        switch self {
        case .null: nil
        case .bool(let flag): .bool(flag)
        case .integer(let number): .number(number)
        case .decimal(let text), .string(let text): .text(text)
        case .array(let items): .list(items.map { $0.templateValue ?? .text("") })
        case .object(let fields): .object(JSONObject(fields))
        }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

/// A JSON object as a template view: its members are its fields.
struct JSONObject: TemplateFields {
    private let names: [String]
    private let values: [TemplateValue?]
    private let positions: FieldPositions

    init(_ members: [(String, JSONValue)]) {
        names = members.map(\.0)
        values = members.map(\.1.templateValue)
        positions = FieldPositions(names)
    }

    func field(_ name: FieldID) -> TemplateValue? { positions[name].flatMap { values[$0] } }

    func forEachField(_ body: (String, TemplateValue?) -> Void) {
        for (name, value) in zip(names, values) { body(name, value) }
    }

    var templateShape: UInt64 { 0 }
    var sharedDigest: ViewDigest? { nil }
}
