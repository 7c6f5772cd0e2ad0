import CCmark
import Foundation
import Testing
import TestSupport
@testable import Portal
@testable import Disclosure

/// The body renderer (one cmark render with heading ids spliced in, plain text collected as
/// bytes) gives exactly the bytes of the renderer it replaced, kept below as it was written
/// (`ReferenceBodyRenderer`): on the sample records, the seeds, the bench corpus when it is
/// there, and seeded random Markdown full of headings in odd places.
@Suite struct BodyRenderingTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func expectSame(_ markdown: String, outline: RegulationOutline?, _ label: @autoclosure () -> String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let reserved = PortalRecord.pageSectionIDs
        let fast = BodyRenderer.render(markdown, outline: outline, reservedIDs: reserved)
        let slow = ReferenceBodyRenderer.render(markdown, outline: outline, reservedIDs: reserved)
        #expect(fast.html == slow.html, "html: \(label())", sourceLocation: sourceLocation)
        #expect(fast.plainText == slow.plainText, "plain text: \(label())", sourceLocation: sourceLocation)
    }

    /// What the loader would find as a regulation's outline: the body's top-level headings.
    static func outline(of markdown: String) -> RegulationOutline {
        RegulationOutline(headings: MarkdownDocument(markdown).headings.map { (text: $0.text, line: $0.line) })
    }

    @Test("the sample records render alike")
    func sampleRecords() throws {
        let content = ContentLoader.load(from: Self.repository.appendingPathComponent("Content"))
        try #require(content.records.count >= 5)
        #expect(content.records.contains { $0.outline.map { !$0.articles.isEmpty } ?? false }, "a regulation is among them")
        for record in content.records {
            Self.expectSame(record.body, outline: record.outline, record.id)
        }
    }

    @Test("the seeds render alike, as bodies and as regulations, whole and cut into pieces")
    func seeds() throws {
        let folder = Self.repository.appendingPathComponent("../shared/seeds")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        let texts = files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        try #require(!texts.isEmpty)
        for text in texts {
            Self.expectSame(text, outline: nil, "seed")
            Self.expectSame(text, outline: Self.outline(of: text), "seed as a regulation")
            // Every other line a heading: the seed's own words as heading text.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let headed = lines.enumerated().map { $0.offset % 7 == 3 ? "## " + $0.element : String($0.element) }.joined(separator: "\n")
            Self.expectSame(headed, outline: nil, "seed with headings")
            Self.expectSame(headed, outline: Self.outline(of: headed), "seed with headings, as a regulation")
        }
    }

    /// The 1,000-record bench corpus, when the bench has generated it on this machine.
    @Test("the bench corpus renders alike", .enabled(if: FileManager.default.fileExists(atPath: BodyRenderingTests.benchCorpusFolder)))
    func benchCorpus() {
        let content = ContentLoader.load(from: URL(fileURLWithPath: Self.benchCorpusFolder))
        #expect(content.records.count == 1000)
        for record in content.records {
            Self.expectSame(record.body, outline: record.outline, record.id)
        }
    }

    static let benchCorpusFolder = "/dev/shm/congkhai-bench/corpus-1000-s42-fc4c6a5d/Content"

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

    @Test("seeded random Markdown renders alike", arguments: 0..<4)
    func randomMarkdown(batch: Int) {
        var g = SeededGenerator(seed: 0xB0D1 &+ UInt64(batch))
        for _ in 0..<400 {
            let markdown = Self.randomMarkdown(&g)
            Self.expectSame(markdown, outline: nil, markdown)
            Self.expectSame(markdown, outline: Self.outline(of: markdown), "as a regulation: \(markdown)")
        }
    }

    @Test("a long body's plain text is cut after the same words")
    func longBody() {
        let paragraph = (1...90).map { "từ\($0)" }.joined(separator: " ")
        let markdown = (1...5).map { "## Phần \($0)\n\n\(paragraph)" }.joined(separator: "\n\n")
        Self.expectSame(markdown, outline: nil, "long body")
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

    @Test("the article linker's byte check never dismisses a text Foundation would find a mention in")
    func mentionCheck() {
        var g = SeededGenerator(seed: 0x1E1)
        let linker = ArticleLinker(outline: RegulationOutline(headings: [(text: "Điều 7. A", line: 1)]))
        for _ in 0..<4000 {
            let text = MarkdownFastPathTests.randomText(&g)
            let mayMention = text.withCString { ArticleLinker.mayMention($0) }
            if !mayMention {
                #expect(text.precomposedStringWithCanonicalMapping.range(of: "iều") == nil, "\(text.unicodeScalars.map(\.value))")
                #expect(linker.mentions(in: text.precomposedStringWithCanonicalMapping).isEmpty)
            }
        }
        #expect("Điều 7".withCString { ArticleLinker.mayMention($0) })
        #expect("Đie\u{0302}\u{0300}u 7".withCString { ArticleLinker.mayMention($0) })
        #expect(!"Điểm 7".withCString { ArticleLinker.mayMention($0) })
    }
}

/// The renderer as it was: one cmark render per top-level block, headings moved down and given
/// their `id` one by one, plain text collected as strings, slugs by the folding definition.
private enum ReferenceBodyRenderer {
    static func render(_ markdown: String, outline: RegulationOutline?, reservedIDs: Set<String>) -> RenderedBody {
        let document = MarkdownDocument(markdown)
        if let outline, !outline.articles.isEmpty {
            var linker = ArticleLinker(outline: outline)
            linker.searchesBytes = false
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

    static func heading(_ node: OpaquePointer, id: String) -> String {
        let level = min(Int(cmark_node_get_heading_level(node)) + 1, 6)
        cmark_node_set_heading_level(node, Int32(level))
        let rendered = renderHTML(node)
        let open = "<h\(level)>"
        guard rendered.hasPrefix(open) else { return rendered }
        return "<h\(level) id=\"\(id)\">" + rendered.dropFirst(open.count)
    }

    static func renderHTML(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        var words = 0
        var inWord = false
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while words <= BodyRenderer.plainTextWords {
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
            } else if event == CMARK_EVENT_EXIT,
                      type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue,
                      text.last != " " {
                text += " "
                inWord = false
            }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    struct HeadingAnchors {
        var outlineAnchors: [Int: String] = [:]
        var used: Set<String>

        init(outline: RegulationOutline?, reserved: Set<String>) {
            used = reserved
            for entry in outline?.entries ?? [] {
                outlineAnchors[entry.line] = entry.anchor
                used.insert(entry.anchor)
            }
        }

        mutating func anchor(for heading: OpaquePointer) -> String {
            if let anchor = outlineAnchors[Int(cmark_node_get_start_line(heading))] { return anchor }
            let slug = TextFolding.slugOfFolded(TextFolding.foldedByDecomposition(MarkdownDocument.plainText(of: heading)))
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
}
