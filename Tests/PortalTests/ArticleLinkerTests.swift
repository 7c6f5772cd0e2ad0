import Foundation
import Testing
import TestSupport
@testable import Portal
import Disclosure

/// `ArticleLinker`: "Điều N" in a regulation's running text, found on the bytes where it can be,
/// held against Foundation's search.
@Suite struct ArticleLinkerTests {
    static let outline = RegulationOutline(headings: [3, 7, 9, 12, 70, 99].map { (text: "Điều \($0). Tiêu đề", line: $0) })

    @Test func mentionsOfTheRegulationsOwnArticles() {
        let linker = ArticleLinker(outline: Self.outline)
        func anchors(_ text: String) -> [String] { linker.mentions(in: text).map(\.anchor) }
        #expect(anchors("Theo Điều 7 và điều 12, không phải Điều 8") == ["dieu-7", "dieu-12"])
        #expect(anchors("Điều 7 khoản 2 Bộ luật Dân sự; Điều 9 của Luật") == [])
        #expect(anchors("Điều 70 và Điều 7a") == ["dieu-70"])
        #expect(anchors("Không có gì") == [])
    }

    @Test func byteSearchFindsWhatFoundationFinds() {
        var g = SeededGenerator(seed: 0xA27)
        let linker = ArticleLinker(outline: Self.outline)
        for _ in 0..<4000 {
            let text = MarkdownText.random(&g)
            guard PlainScalarText.holds(text) else { continue }
            #expect(PlainScalarText.contains(text, "iều") == (text.range(of: "iều") != nil), "\(text)")
            let fast = linker.mentions(in: text, plain: true).map { ($0.range, $0.anchor) }
            let slow = linker.mentions(in: text.precomposedStringWithCanonicalMapping, plain: false).map { ($0.range, $0.anchor) }
            #expect(fast.map(\.0) == slow.map(\.0) && fast.map(\.1) == slow.map(\.1), "\(text)")
        }
    }

    @Test("the byte check never dismisses a text Foundation would find a mention in")
    func mentionCheck() {
        var g = SeededGenerator(seed: 0x1E1)
        let linker = ArticleLinker(outline: RegulationOutline(headings: [(text: "Điều 7. A", line: 1)]))
        for _ in 0..<4000 {
            let text = MarkdownText.random(&g)
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

    /// Random regulations: every article link goes to an article the regulation has, and the text
    /// around the links is cmark's.
    @Test(arguments: 0..<3)
    func renderedRegulationsLinkOnlyTheirArticles(batch: Int) {
        var g = SeededGenerator(seed: 0x7E6 &+ UInt64(batch))
        let link = try! NSRegularExpression(pattern: ##"<a href="#(dieu-[0-9]+)">"##)
        for _ in 0..<150 {
            var lines: [String] = []
            let count = Int.random(in: 1...6, using: &g)
            for n in 1...count {
                lines.append("## Điều \(n). \(MarkdownText.random(&g, pieces: 3).replacingOccurrences(of: "\n", with: " "))")
                lines.append("")
                lines.append(MarkdownText.random(&g, pieces: 30))
                lines.append("")
            }
            let markdown = lines.joined(separator: "\n")
            let outline = BodyRendererTests.outline(of: markdown)
            let html = BodyRenderer.render(markdown, outline: outline, reservedIDs: PortalRecord.pageSectionIDs).html
            let anchors = Set(outline.articles.map(\.anchor))
            for match in link.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                #expect(anchors.contains(String(html[Range(match.range(at: 1), in: html)!])), "\(markdown)")
            }
            BodyRendererTests.expectCmarksHTML(markdown, outline: outline, markdown)
        }
    }
}
