import Foundation
import Testing
import TestSupport
import Mustache
import Disclosure
import Compliance
@testable import Portal

/// The compiled template engine (Portal/Templates) must print exactly what swift-mustache printed
/// with the views in `ViewBox`es: on every page of the sample content, on seeded random templates
/// and views, and for the pieces (escaping, strings filling) on their own.
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
                    views.append(("print", PrintNotice(entry, schedule: schedule, content: portal, qrSide: 264, strings: strings)))
                }
            }
            views.append(("ledger", LedgerPageView(ledger: Ledger(content: content), layouts: layouts, timeZone: content.site.timeZone)))
            views.append(("ledger", LedgerPageView(ledger: nil, layouts: layouts, timeZone: content.site.timeZone)))
        }
        return views
    }

    @Test("every page of the sample site: the fast engine prints swift-mustache's bytes")
    func defaultThemeMatchesMustache() throws {
        let renderer = PageRenderer(theme: .default, strings: .vi)
        #expect(renderer.compiled.unsupported.isEmpty, "\(renderer.compiled.unsupported)")
        #expect(Set(renderer.compiled.templates.keys) == Set(Theme.default.templates.keys))
        let views = try Self.sampleViews()
        #expect(views.count > 100)
        for (template, view) in views {
            let fields = try #require(view as? any TemplateFields, "\(type(of: view)) is not TemplateFields")
            let fast = try #require(renderer.compiled.render(fields, with: template))
            let slow = try renderer.renderWithMustache(view, with: template)
            #expect(fast == slow, "\(template): \(type(of: view)) differs")
            if fast != slow { Self.showDifference(fast, slow) }
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
            #expect(table.child(named: label) as? String == text)
        }
        #expect(count > 150)
        #expect(table.digest != TemplateStrings(.vi).digest)
    }

    // MARK: Fallback

    @Test("a template the fast engine does not support falls back to swift-mustache, with the templates that use it")
    func unsupportedTemplatesFallBack() throws {
        var files = DefaultTheme.files.mapValues { Data($0.utf8) }
        // A transform in the not-found page, a dynamic partial in the about page, a pragma in a
        // partial the search page includes.
        files["templates/not-found.mustache"] = Data("{{<layout}}{{$main}}<h1>{{lowercased(heading)}}</h1>{{/main}}{{/layout}}\n".utf8)
        files["templates/about.mustache"] = Data("{{<layout}}{{$main}}{{>*heading}}{{/main}}{{/layout}}\n".utf8)
        files["templates/search-extra.mustache"] = Data("{{%CONTENT_TYPE:TEXT}}<{{heading}}>\n".utf8)
        files["templates/search.mustache"] = Data("{{<layout}}{{$main}}{{>search-extra}}<p>{{status}}</p>{{/main}}{{/layout}}\n".utf8)
        let theme = Theme(files: files)
        let renderer = PageRenderer(theme: theme, strings: .vi)
        #expect(Set(renderer.compiled.unsupported.keys) == ["not-found", "about", "search-extra", "search"])
        #expect(renderer.compiled.templates["record"] != nil && renderer.compiled.templates["layout"] != nil)

        let content = PortalFixture.load()
        let portal = PortalContent(content: content, book: RuleBook(content: content), asOf: PortalFixture.day("2024-02-15"),
                                   urls: SiteURLs(base: content.site.baseURL))
        let layouts = LayoutFactory(content: portal, strings: .vi)
        let notFound = try renderer.render(NotFoundPage(content: portal, layouts: layouts), with: "not-found")
        #expect(String(decoding: notFound, as: UTF8.self).contains("<h1>không tìm thấy trang</h1>"))
        let search = String(decoding: try renderer.render(SearchPage(content: portal, layouts: layouts), with: "search"), as: UTF8.self)
        #expect(search.contains("<Tìm kiếm văn bản>"))  // not escaped: the TEXT pragma
        let record = RecordPage(portal.records[0], content: portal, layouts: layouts)
        #expect(try renderer.render(record, with: "record") == (try renderer.renderWithMustache(record, with: "record")))
        // A view that is not TemplateFields is rendered by swift-mustache too.
        struct Plain { let heading = "Tiêu đề" }
        let plainTheme = Theme(files: ["templates/plain.mustache": Data("<h1>{{heading}}</h1>".utf8)])
        #expect(try PageRenderer(theme: plainTheme).render(Plain(), with: "plain") == Data("<h1>Tiêu đề</h1>".utf8))
        #expect(throws: ThemeError.self) { try renderer.render(record, with: "no-such-template") }
    }

    @Test("a template that does not parse is still reported by the theme with its line")
    func malformedTemplate() throws {
        var files = DefaultTheme.files.mapValues { Data($0.utf8) }
        files["templates/home.mustache"] = Data("<p>\n{{#records}}\n<li>{{title}}</li>\n".utf8)
        struct Plain {}
        #expect(throws: ThemeError.self) { try PageRenderer(theme: Theme(files: files)).renderWithMustache(Plain(), with: "home") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try files["templates/home.mustache"]!.write(to: folder.appendingPathComponent("templates/home.mustache"))
        let problems = Theme.loading(overridesIn: folder, shownAs: "Content/theme").1
        #expect(problems.contains { $0.severity == .error && $0.location?.file == "Content/theme/templates/home.mustache" })
        #expect(throws: (any Error).self) { try TemplateParser.parse("<p>\n{{#records}}\n<li>{{title}}</li>\n") }
    }

    // MARK: Seeded random templates and views

    @Test("seeded random templates on random views: the fast engine prints swift-mustache's bytes", arguments: 0..<8)
    func randomTemplates(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ 17)
        for round in 0..<60 {
            var sources: [String: String] = [:]
            for index in 0..<3 {
                // Partial n includes only partials below n, so that rendering ends.
                sources["p\(index)"] = RandomTemplate(random: &random, partials: (0..<index).map { "p\($0)" }).text
            }
            sources["parent"] = RandomTemplate(random: &random, partials: ["p0"], blocks: ["a", "b"]).text
            sources["page"] = RandomTemplate(random: &random, partials: ["p0", "p1", "p2", "missing"], parent: "parent").text
            var library = MustacheLibrary()
            for (name, text) in sources { try library.register(text, named: name) }
            let compiled = CompiledTheme(sources: sources)
            #expect(compiled.unsupported.isEmpty, "\(compiled.unsupported) in \(sources)")
            for _ in 0..<4 {
                let view = RandomView.make(&random, depth: 0)
                for name in sources.keys.sorted() {
                    let fast = compiled.render(view, with: name).map { String(decoding: $0, as: UTF8.self) }
                    let slow = library.render(ViewBox(view), withTemplate: name)
                    #expect(fast == slow, "seed \(seed) round \(round) template \(name):\n\(sources[name]!)")
                    if fast != slow { return }
                }
            }
        }
    }

    @Test("set delimiters, comments, standalone tags and CRLF lines render as swift-mustache renders them")
    func syntaxCorners() throws {
        let view = RandomView(name: "Tên <b>", count: 0, flag: true, note: nil, items: [
            RandomView(name: "một", count: 1, flag: false, note: "ghi \"chú\"", items: [], child: nil),
            RandomView(name: "hai", count: -2, flag: true, note: "", items: [], child: nil),
        ], child: RandomChild(name: "con", note: "x'y", items: []))
        let templates = [
            "{{=<% %>=}}\n<%name%> {{name}}\n<%={{ }}=%>\n{{name}}",
            "a\r\n  {{#items}}\r\n  {{name}}\r\n  {{/items}}\r\nb",
            "  {{! comment }}\n{{#flag}}\n  yes\n{{/flag}}\n",
            "{{#items}}\n  {{>p}}\n{{/items}}\n",
            "\t{{>p}}\n{{^items}}none{{/items}}{{^note}}no note{{/note}}",
            "{{count}} {{flag}} {{items}} {{child}} {{{items}}} {{#child}}{{.}}{{/child}}",
            "{{#note}}[{{.}}]{{/note}}{{#count}}<{{.}}>{{/count}}{{#child.note}}{{.}}{{/child.note}}",
            "{{#items}}{{.name}}/{{.count}}/{{count}}/{{child.name}}{{/items}}",
            "{{#child}}{{#items}}{{name}}{{/items}}{{^items}}{{.}}{{name}}{{/items}}{{/child}}",
            "x{{name}}\n{{#items}}\ny\n{{/items}}\n{{{name}}}{{& name}}{{ name }}",
            "é\u{301}{{name}}\"\u{301}<\u{300}{{#items}}{{note}}{{/items}}",
            "{{a..b}}{{..}}{{.}}{{}}",
            "   {{#flag}}   \n  {{>p}}  \n   {{/flag}}  \nend",
        ]
        for text in templates {
            let sources = ["page": text, "p": "  <p>{{name}}</p>\n{{#items}}\n- {{name}}\n{{/items}}\n"]
            var library = MustacheLibrary()
            for (name, text) in sources { try library.register(text, named: name) }
            let compiled = CompiledTheme(sources: sources)
            #expect(compiled.unsupported.isEmpty, "\(compiled.unsupported)")
            let fast = compiled.render(view, with: "page").map { String(decoding: $0, as: UTF8.self) }
            #expect(fast == library.render(ViewBox(view), withTemplate: "page"), "\(text.debugDescription)")
        }
    }

    // MARK: Pieces

    @Test("HTML escaping matches swift-mustache's, combining marks included")
    func escaping() throws {
        let template = try MustacheTemplate(string: "{{text}}")
        var random = SeededGenerator(seed: 99)
        let pieces = ["<", ">", "&", "\"", "'", "a", "ệ", "\u{301}", "\u{300}", " ", "\n", "\r\n", "🇻🇳", "Đ", "\u{600}", "x"]
        var samples = ["", "plain", "<b>&amp;</b>", "\"\u{301}", "'\u{300}x", "\u{600}<", "ti\u{ea}\u{301}ng \"Việt\""]
        for _ in 0..<500 {
            samples.append((0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined())
        }
        for text in samples {
            #expect(HTMLEscaping.escaped(text) == template.render(["text": text]), "\(text.debugDescription)")
        }
    }

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
        let compiled = CompiledTheme(sources: sources)
        #expect(compiled.program.numbers.count == 2)
        #expect(compiled.program.bodies.count == 2)
        let view = RandomView(name: "n", count: 0, flag: false, note: nil, items: [
            RandomView(name: "i", count: 0, flag: false, note: nil, items: [], child: nil)], child: nil)
        let fast = try #require(compiled.render(view, with: "page"))
        #expect(String(decoding: fast, as: UTF8.self) == "ab[i]<X|e>")
        var library = MustacheLibrary()
        for (name, text) in sources { try library.register(text, named: name) }
        #expect(library.render(ViewBox(view), withTemplate: "page") == "ab[i]<X|e>")
        #expect(compiled.render(view, with: "nothing") == nil)
    }

    static func showDifference(_ a: Data, _ b: Data) {
        let x = [UInt8](a), y = [UInt8](b)
        let first = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        let from = max(0, first - 200)
        print("fast:", String(decoding: x[from..<min(x.count, first + 200)], as: UTF8.self).debugDescription)
        print("slow:", String(decoding: y[from..<min(y.count, first + 200)], as: UTF8.self).debugDescription)
    }
}

// MARK: Random views and templates

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

    static let texts = ["", "a", "Tên", "<b>", "x & y", "\"q\"", "it's", "dòng\nhai", "ệ\u{301}", "  "]

    static func make(_ random: inout SeededGenerator, depth: Int) -> RandomView {
        RandomView(
            name: texts[random.below(texts.count)], count: random.below(5) - 2, flag: random.below(2) == 0,
            note: random.below(3) == 0 ? nil : texts[random.below(texts.count)],
            items: depth > 2 ? [] : (0..<random.below(3)).map { _ in make(&random, depth: depth + 1) },
            child: depth > 2 || random.below(2) == 0 ? nil
                : RandomChild(name: texts[random.below(texts.count)], note: random.below(2) == 0 ? nil : "ghi",
                              items: (0..<random.below(2)).map { _ in make(&random, depth: depth + 1) }))
    }
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

/// A template of the supported subset: text with spaces and newlines, variables, sections,
/// inverted sections, comments, partials (standalone or inline), blocks and inheritance.
struct RandomTemplate {
    var text = ""

    init(random: inout SeededGenerator, partials: [String], blocks: [String] = [], parent: String? = nil) {
        if let parent {
            text += random.below(2) == 0 ? "{{<\(parent)}}\n" : "{{<\(parent)}}"
            for block in ["a", "b"] where random.below(3) > 0 {
                var body = ""
                Self.fill(&body, &random, partials: partials, blocks: [], depth: 1)
                text += random.below(2) == 0 ? "{{$\(block)}}\n\(body)\n{{/\(block)}}\n" : "  {{$\(block)}}\(body){{/\(block)}}"
            }
            text += "{{/\(parent)}}\n"
            return
        }
        Self.fill(&text, &random, partials: partials, blocks: blocks, depth: 0)
    }

    static let names = ["name", "count", "flag", "note", "items", "child", "child.name", "child.items", ".name", ".note", ".", "missing", "child.note"]
    static let texts = ["", " ", "  ", "\n", "\n  ", "a", "<p>", "é", "\t", "x\r\n", "a{b", "}"]

    static func fill(_ text: inout String, _ random: inout SeededGenerator, partials: [String], blocks: [String], depth: Int) {
        for _ in 0..<(1 + random.below(6)) {
            text += texts[random.below(texts.count)]
            let name = names[random.below(names.count)]
            switch random.below(depth > 2 ? 5 : 10) {
            case 0, 1: text += "{{\(name)}}"
            case 2: text += "{{{\(name)}}}"
            case 3: text += "{{& \(name)}}"
            case 4: text += "{{! note }}"
            case 5, 6:
                let open = random.below(2) == 0 ? "#" : "^"
                let newline = random.below(2) == 0 ? "\n" : ""
                text += "{{\(open)\(name)}}\(newline)"
                fill(&text, &random, partials: partials, blocks: blocks, depth: depth + 1)
                text += "\(newline)\(random.below(2) == 0 ? "  " : ""){{/\(name)}}\(newline)"
            case 7, 8:
                guard !partials.isEmpty else { continue }
                let partial = partials[random.below(partials.count)]
                text += random.below(2) == 0 ? "\n  {{>\(partial)}}\n" : "{{>\(partial)}}"
            default:
                guard !blocks.isEmpty else { continue }
                let block = blocks[random.below(blocks.count)]
                text += random.below(2) == 0 ? "\n {{$\(block)}}\n" : "{{$\(block)}}"
                fill(&text, &random, partials: partials, blocks: [], depth: depth + 1)
                text += "{{/\(block)}}"
            }
        }
    }
}

