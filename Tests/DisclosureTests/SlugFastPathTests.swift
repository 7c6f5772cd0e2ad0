import Testing
import TestSupport
@testable import Disclosure

/// `TextFolding.slug`'s byte-level path gives the slug of the folding definition, and falls back
/// (nil) on text it cannot fold by table.
@Suite struct SlugFastPathTests {
    static let pieces: [String] = [
        "Điều 7", "Chương II", "I. NỘI DUNG THÔNG BÁO", "Kế hoạch số 127/KH-UBND", "Đông Sơn", "ĐÔNG SƠN", "Ủy ban", "ưởng",
        " ", "  ", "-", "--", "_", ".", "/", "(", ")", "\t", "\n", "\u{00A0}", "—", "…", "ß", "æ", "Ø", "İ", "ŉ", "Ǆ", "ǅ",
        "ẞ", "Ỳ", "ỹ", "e\u{0301}", "\u{0302}", "한", "日", "👍🏽", "ﬁ", "Ω", "\r\n", "A", "z", "0", "9", "@", "[", "`", "{",
    ]

    @Test func byteSlugEqualsTheDefinition() {
        var g = SeededGenerator(seed: 0x51D6)
        var texts = (0..<4000).map { _ in
            (0..<Int.random(in: 0...10, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
        }
        for value in UInt32(0)...0x2FFF { if let s = Unicode.Scalar(value) { texts.append("Ab " + String(s) + "-z\u{1EC7}") } }
        var fast = 0
        for text in texts {
            let reference = TextFolding.slugOfFolded(TextFolding.foldedByDecomposition(text))
            #expect(TextFolding.slug(text) == reference, "\(text.unicodeScalars.map(\.value))")
            if let bytes = TextFolding.slugFast(text) {
                fast += 1
                #expect(bytes == reference, "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(fast > 1000, "many texts take the byte path")
        #expect(TextFolding.slugFast("日本") == nil && TextFolding.slugFast("e\u{0301}") == nil)
        #expect(TextFolding.slug("I. NỘI DUNG THÔNG BÁO") == "i-noi-dung-thong-bao")
    }
}
