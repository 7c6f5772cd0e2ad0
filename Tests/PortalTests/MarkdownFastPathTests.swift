import Foundation
import Testing
import TestSupport
@testable import Portal
import Disclosure


/// The portal model's and the Markdown renderer's fast paths give exactly the bytes of the
/// Foundation code they replace (kept here, as it was written, as the reference).
@Suite struct MarkdownFastPathTests {
    static let pieces: [String] = [
        "Điều 7", "Điều 12.", "điều 3", "Điều 7 khoản 2 Bộ luật Dân sự", "Điều 9 của Luật", "Điều 99", "Điều\u{00A0}7", "Điều 7a",
        "Điều 70", "xĐiều 7", "ĐIỀU 7", "Đi\u{1EC1}u 7", "Đie\u{0302}\u{0300}u 7", "i\u{1EC1}u", "iều", "Đ", "đ", " ", "  ", "\t", "\n",
        "\r\n", "\u{00A0}", "\u{0085}", "\u{2028}", "\u{202F}", "\u{3000}", "\u{0301}", " \u{0301}", "\u{20D0}", "—", "…", "€", "→",
        "Chương II", "quy định tại", "a", "b", "7", ",", ".", "한", "日", "👍🏽", "ﬁ", "Ω", "ǅ",
        "tài liệu/biên bản.pdf", "tep/Kế hoạch 127.pdf", "a b", "%", "~", "_", "-", "/", "?", "#", "&", "+", "=", "'", "\"",
    ]

    static func randomText(_ g: inout SeededGenerator, pieces: Int = 14) -> String {
        (0..<Int.random(in: 0...pieces, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
    }

    // MARK: Percent encoding

    static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    /// `SitePaths.percentEncoded` as it was, through Foundation.
    static func referencePercentEncoded(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? String($0) }
            .joined(separator: "/")
    }

    @Test func percentEncodingEqualsFoundations() {
        var g = SeededGenerator(seed: 0x9E)
        var paths = (0..<3000).map { _ in Self.randomText(&g) }
        paths += (0..<0x3000).compactMap { Unicode.Scalar(UInt32($0)).map { "van-ban/a" + String($0) + "/index.html" } }
        paths += ["", "/", "//", "van-ban/2024-127-kh-ubnd/index.html", "tep/files/Tờ trình số 5.pdf", "luu-tru/2024/"]
        for path in paths {
            #expect(SitePaths.percentEncoded(path) == Self.referencePercentEncoded(path), "\(path.unicodeScalars.map(\.value))")
        }
    }

    // MARK: White space

    @Test func collapsingWhitespaceEqualsSplittingByCharacters() {
        var g = SeededGenerator(seed: 0x5ACE)
        var texts = (0..<4000).map { _ in Self.randomText(&g) }
        texts += (0..<0x2100).compactMap { Unicode.Scalar(UInt32($0)).map { " a " + String($0) + " \u{00A0}b" } }
        for text in texts {
            #expect(BodyRenderer.collapsingWhitespace(Array(text.utf8)) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: Article mentions

    static let outline = RegulationOutline(headings: [3, 7, 9, 12, 70, 99].map { (text: "Điều \($0). Tiêu đề", line: $0) })

    @Test func byteSearchFindsWhatFoundationFinds() {
        var g = SeededGenerator(seed: 0xA27)
        let linker = ArticleLinker(outline: Self.outline)
        for _ in 0..<4000 {
            let text = Self.randomText(&g)
            guard PlainScalarText.holds(text) else { continue }
            #expect(PlainScalarText.contains(text, "iều") == (text.range(of: "iều") != nil), "\(text)")
            let fast = linker.mentions(in: text, plain: true).map { ($0.range, $0.anchor) }
            let slow = linker.mentions(in: text.precomposedStringWithCanonicalMapping, plain: false).map { ($0.range, $0.anchor) }
            #expect(fast.map(\.0) == slow.map(\.0) && fast.map(\.1) == slow.map(\.1), "\(text)")
        }
    }

    /// A regulation's body through the renderer, with the linker's text nodes taken the old way
    /// (always through Foundation) as the reference.
    @Test(arguments: 0..<3)
    func renderedRegulationsAreTheSame(batch: Int) {
        var g = SeededGenerator(seed: 0x7E6 &+ UInt64(batch))
        for _ in 0..<150 {
            var lines: [String] = []
            for n in 1...Int.random(in: 1...6, using: &g) {
                lines.append("## Điều \(n). \(Self.randomText(&g, pieces: 3).replacingOccurrences(of: "\n", with: " "))")
                lines.append("")
                lines.append(Self.randomText(&g, pieces: 30))
                lines.append("")
            }
            let markdown = lines.joined(separator: "\n")
            let headings = MarkdownDocument(markdown).headings.map { (text: $0.text, line: $0.line) }
            let outline = RegulationOutline(headings: headings)
            let fast = BodyRenderer.render(markdown, outline: outline, reservedIDs: PortalRecord.pageSectionIDs)
            let slow = ReferenceRender.render(markdown, outline: outline, reservedIDs: PortalRecord.pageSectionIDs)
            #expect(fast.html == slow.html, "\(markdown)")
            #expect(fast.plainText == slow.plainText, "\(markdown)")
        }
    }
}

/// The renderer as it was in its article linking: every text node of a regulation normalised and
/// searched through Foundation.
private enum ReferenceRender {
    static func render(_ markdown: String, outline: RegulationOutline, reservedIDs: Set<String>) -> RenderedBody {
        BodyRenderer.render(markdown, outline: outline, reservedIDs: reservedIDs, linkerSearchesBytes: false)
    }
}
