import CCmark
import Foundation
import Testing
import TestSupport
@testable import Portal
@testable import Disclosure

/// The body renderer against cmark's own HTML: one render of the body with headings one level
/// down and external links marked, to which the renderer adds only heading ids and, in a
/// regulation, links to its articles. On the sample records, the seed, and seeded random Markdown
/// full of headings in odd places; then ids and plain text by example.
@Suite struct BodyRendererTests {
    /// cmark's HTML of `markdown` in safe mode, after the two tree edits the renderer makes.
    static func cmarkHTML(_ markdown: String) -> String {
        let document = MarkdownDocument(markdown)
        ExternalLinks.markNoOpener(in: document.root)
        var node = cmark_node_first_child(document.root)
        while let block = node {
            if cmark_node_get_type(block) == CMARK_NODE_HEADING {
                cmark_node_set_heading_level(block, min(cmark_node_get_heading_level(block) + 1, 6))
            }
            node = cmark_node_next(block)
        }
        guard let html = cmark_render_html(document.root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    static let headingID = try! NSRegularExpression(pattern: #"<h([1-6]) id="[^"]*">"#)
    static let anchorLink = try! NSRegularExpression(pattern: ##"<a href="#[^"]*">([^<]*)</a>"##)

    static func replacing(_ regex: NSRegularExpression, in html: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: template)
    }

    static func expectCmarksHTML(_ markdown: String, outline: RegulationOutline?, _ label: @autoclosure () -> String,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let rendered = BodyRenderer.render(markdown, outline: outline, reservedIDs: PortalRecord.pageSectionIDs).html
        let withoutIDs = replacing(headingID, in: rendered, with: "<h$1>")
        if let outline, !outline.articles.isEmpty {
            // Article links are the one other edit; the linker reads text in NFC.
            let ours = replacing(anchorLink, in: withoutIDs, with: "$1").precomposedStringWithCanonicalMapping
            let cmarks = replacing(anchorLink, in: cmarkHTML(markdown), with: "$1").precomposedStringWithCanonicalMapping
            #expect(ours == cmarks, "html: \(label())", sourceLocation: sourceLocation)
        } else {
            #expect(withoutIDs == cmarkHTML(markdown), "html: \(label())", sourceLocation: sourceLocation)
        }
    }

    /// What the loader would find as a regulation's outline: the body's top-level headings.
    static func outline(of markdown: String) -> RegulationOutline {
        RegulationOutline(headings: MarkdownDocument(markdown).headings.map { (text: $0.text, line: $0.line) })
    }

    @Test("the sample records render as cmark renders them")
    func sampleRecords() throws {
        let content = ContentLoader.load(from: SampleContent.folder)
        try #require(content.records.count >= 5)
        #expect(content.records.contains { $0.outline.map { !$0.articles.isEmpty } ?? false }, "a regulation is among them")
        for record in content.records {
            Self.expectCmarksHTML(record.body, outline: record.outline, record.id)
        }
    }

    @Test("the seed renders as cmark renders it, as a body and as a regulation, whole and cut into pieces")
    func seeds() throws {
        let texts = try SeedText.all()
        try #require(!texts.isEmpty)
        for text in texts {
            Self.expectCmarksHTML(text, outline: nil, "seed")
            Self.expectCmarksHTML(text, outline: Self.outline(of: text), "seed as a regulation")
            // Every seventh line a heading: the seed's own words as heading text.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let headed = lines.enumerated().map { $0.offset % 7 == 3 ? "## " + $0.element : String($0.element) }.joined(separator: "\n")
            Self.expectCmarksHTML(headed, outline: nil, "seed with headings")
            Self.expectCmarksHTML(headed, outline: Self.outline(of: headed), "seed with headings, as a regulation")
        }
    }

    // MARK: Random Markdown

    static let blocks: [String] = [
        "# Tiêu đề", "## Điều 1. Phạm vi", "### Điều 2", "#### Chương II", "##### Mục 3", "###### Sáu", "#", "## ", "# Nội dung",
        "## Nội dung", "## Thông tin", "# Mục lục", "## Muc", "## muc", "## 1", "## —", "## 🇻🇳", "## Đông Sơn", "## ĐÔNG SƠN",
        "Tiêu đề setext\n===", "Setext hai\n---", "> ## Trích dẫn", "> # Một\n> ## Hai", "- ## Trong danh sách", "1. ### Mục đánh số",
        "- > ## Lồng nhau", "> - # Sâu hơn\n>   ## Nữa", "- a\n\n  ## Đoạn trong mục", "```\n<h2>không phải</h2>\n```",
        "    <h3>mã thụt lề</h3>", "`<h1>`", "<h2>HTML thô</h2>", "<div>\n<h2>khối</h2>\n</div>", "văn bản <h4>nội tuyến</h4>",
        "&lt;h2&gt; thực thể", "&#60;h2> số", "[liên kết](https://example.vn/<h2> \"<h2>\")", "[liên kết](https://example.vn/a \"tiêu đề\")",
        "<https://example.vn/h2>", "![<h2>ảnh](a.png)", "[nội bộ](#dieu-1)", "[ngoài](//example.vn)", "[js](javascript:alert(1))",
        "***", "Đoạn văn Điều 1 và Điều 2 khoản 3, Điều 9 của Luật.", "Dòng cuối có hai dấu cách  \nxuống dòng", "a\tb\u{000B}c\u{000C}d",
        "\u{0600} \u{0600}", "Điều\u{00A0}1", "NEL\u{0085}here", "e\u{0301} tổ hợp", "Đie\u{0302}\u{0300}u 2", "CR\r\nLF", "日本語 한국어",
        "", "\n", "* * *", "+ mục\n+ mục", "## Trùng\n\n## Trùng\n\n## Trùng", "## Trùng-2", "Chữ **đậm** và *nghiêng* và `mã`",
    ]

    static func randomMarkdown(_ g: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &g)).map { _ in Self.blocks.randomElement(using: &g)! }
            .joined(separator: Bool.random(using: &g) ? "\n\n" : "\n")
    }

    @Test("seeded random Markdown renders as cmark renders it", arguments: 0..<4)
    func randomMarkdown(batch: Int) {
        var g = SeededGenerator(seed: 0xB0D1 &+ UInt64(batch))
        for _ in 0..<400 {
            let markdown = Self.randomMarkdown(&g)
            Self.expectCmarksHTML(markdown, outline: nil, markdown)
            Self.expectCmarksHTML(markdown, outline: Self.outline(of: markdown), "as a regulation: \(markdown)")
        }
    }

    /// Top-level heading ids are unique, never a section id of the record page, and are the
    /// outline's anchors for articles.
    @Test("seeded random Markdown gets unique heading ids", arguments: 0..<2)
    func uniqueHeadingIDs(batch: Int) {
        var g = SeededGenerator(seed: 0x1D5 &+ UInt64(batch))
        let id = try! NSRegularExpression(pattern: #"<h[1-6] id="([^"]*)">"#)
        for _ in 0..<400 {
            let markdown = Self.randomMarkdown(&g)
            let html = BodyRenderer.render(markdown, outline: Self.outline(of: markdown), reservedIDs: PortalRecord.pageSectionIDs).html
            let ids = id.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
            #expect(Set(ids).count == ids.count, "\(ids): \(markdown)")
            #expect(Set(ids).isDisjoint(with: PortalRecord.pageSectionIDs), "\(ids): \(markdown)")
            #expect(ids.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } })
        }
    }

    // MARK: By example

    static func html(_ markdown: String, regulation: Bool = false) -> String {
        BodyRenderer.render(markdown, outline: regulation ? outline(of: markdown) : nil, reservedIDs: PortalRecord.pageSectionIDs).html
    }

    @Test("heading ids: slugs, numbered when repeated, clear of the page's own sections")
    func headingIDs() {
        #expect(Self.html("## Trùng\n\n## Trùng\n\n## Trùng")
                == "<h3 id=\"trung\">Trùng</h3>\n<h3 id=\"trung-2\">Trùng</h3>\n<h3 id=\"trung-3\">Trùng</h3>\n")
        #expect(Self.html("## Trùng-2\n\n## Trùng\n\n## Trùng")
                == "<h3 id=\"trung-2\">Trùng-2</h3>\n<h3 id=\"trung\">Trùng</h3>\n<h3 id=\"trung-3\">Trùng</h3>\n")
        #expect(Self.html("# Nội dung") == "<h2 id=\"noi-dung-2\">Nội dung</h2>\n")
        #expect(Self.html("## —") == "<h3 id=\"muc\">—</h3>\n")
        #expect(Self.html("###### Sáu") == "<h6 id=\"sau\">Sáu</h6>\n")
        #expect(Self.html("> ## Trích dẫn") == "<blockquote>\n<h2>Trích dẫn</h2>\n</blockquote>\n")
    }

    @Test("a regulation's articles get the outline's anchors, and mentions of them link there")
    func regulationAnchorsAndLinks() {
        let html = Self.html("## Chương II\n\n## Điều 7. Hình thức\n\nTheo Điều 7 và Điều 9; Điều 148 khoản 5 Bộ luật Dân sự.", regulation: true)
        #expect(html.contains("<h3 id=\"chuong-ii\">Chương II</h3>"))
        #expect(html.contains("<h3 id=\"dieu-7\">Điều 7. Hình thức</h3>"))
        #expect(html.contains("<p>Theo <a href=\"#dieu-7\">Điều 7</a> và Điều 9; Điều 148 khoản 5 Bộ luật Dân sự.</p>"))
    }

    @Test("plain text: the words of text and code, blocks apart, white space collapsed")
    func plainText() {
        let body = BodyRenderer.render("# Tiêu đề\n\nĐoạn *một*\nhai  `mã`\n\n- a\n- b\n\n<b>thô</b>", outline: nil, reservedIDs: [])
        #expect(body.plainText == "Tiêu đề Đoạn một hai mã a b thô")
    }

    @Test("a long body's plain text is cut after its first words")
    func longBody() {
        let paragraph = (1...90).map { "từ\($0)" }.joined(separator: " ")
        let markdown = (1...5).map { "## Phần \($0)\n\n\(paragraph)" }.joined(separator: "\n\n")
        Self.expectCmarksHTML(markdown, outline: nil, "long body")
        #expect(BodyRenderer.render(markdown, outline: nil, reservedIDs: []).plainText.split(separator: " ").count < 300)
    }

    // MARK: Pieces

    @Test("a space is a character of its own unless a prepended character takes it")
    func endingInSpace() {
        var g = SeededGenerator(seed: 0x5BACE)
        let pieces = ["a", " ", "\u{0600}", "\u{06DD}", "\u{0301}", "\u{00A0}", "Đ", "👍🏽", "\r\n", "\u{200D}", "\u{0D4E}", "\u{110BD}"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...5, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            #expect(BodyRenderer.endsWithSpaceCharacter(Array(text.utf8)) == (text.last == " "), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("collapsing white space equals splitting by Swift's white-space characters")
    func collapsingWhitespace() {
        var g = SeededGenerator(seed: 0x5ACE)
        var texts = (0..<4000).map { _ in MarkdownText.random(&g) }
        texts += (0..<0x2100).compactMap { Unicode.Scalar(UInt32($0)).map { " a " + String($0) + " \u{00A0}b" } }
        for text in texts {
            #expect(BodyRenderer.collapsingWhitespace(Array(text.utf8)) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }
}
