import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// `TextFolding`: Vietnamese folded to plain lower case for search, and slugs for ids and anchors.
@Suite struct TextFoldingTests {
    /// Each Vietnamese vowel in its five tones and its marked forms, and what it folds to.
    static let vowels: [(String, String)] = [
        ("aáàảãạăắằẳẵặâấầẩẫậAÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬ", "a"), ("eéèẻẽẹêếềểễệEÉÈẺẼẸÊẾỀỂỄỆ", "e"), ("iíìỉĩịIÍÌỈĨỊ", "i"),
        ("oóòỏõọôốồổỗộơớờởỡợOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢ", "o"), ("uúùủũụưứừửữựUÚÙỦŨỤƯỨỪỬỮỰ", "u"), ("yýỳỷỹỵYÝỲỶỸỴ", "y"), ("dđDĐ", "d"),
    ]

    @Test func vietnameseLettersFoldToTheirBaseLetter() {
        for (letters, base) in Self.vowels {
            for letter in letters {
                #expect(TextFolding.fold(String(letter)) == base, "\(letter)")
                #expect(TextFolding.fold(String(letter).decomposedStringWithCanonicalMapping) == base, "\(letter) in NFD")
            }
        }
        #expect(TextFolding.fold("ĐÔNG SƠN, ngày 30 tháng 01") == "dong son, ngay 30 thang 01")
        #expect(TextFolding.fold("Quy chế 156/QC-UBND") == "quy che 156/qc-ubnd")
        #expect(TextFolding.fold("日本 ß Ω") == "日本 ß ω")
    }

    /// Canonically equivalent texts fold alike, and folding twice changes nothing.
    @Test func foldingIgnoresTheUnicodeFormAndIsIdempotent() {
        var g = SeededGenerator(seed: 0xF01D)
        var texts = (0..<3000).map { _ in RandomText.text(&g) }
        for value in UInt32(0)...0x2FFF { if let s = Unicode.Scalar(value) { texts.append("Ab" + String(s) + "z\u{1EC7}") } }
        for text in texts {
            let folded = TextFolding.fold(text)
            #expect(TextFolding.fold(text.decomposedStringWithCanonicalMapping) == folded, "\(RandomText.values(text))")
            #expect(TextFolding.fold(text.precomposedStringWithCanonicalMapping) == folded, "\(RandomText.values(text))")
            #expect(TextFolding.fold(folded) == folded, "\(RandomText.values(text))")
            #expect(!folded.unicodeScalars.contains { (0x300...0x36F).contains($0.value) || $0 == "đ" || $0 == "Đ" })
        }
    }

    @Test func slugs() {
        #expect(TextFolding.slug("I. NỘI DUNG THÔNG BÁO") == "i-noi-dung-thong-bao")
        #expect(TextFolding.slug("2024 127/KH-UBND") == "2024-127-kh-ubnd")
        #expect(TextFolding.slug("Điều 7. Hình thức, thời điểm") == "dieu-7-hinh-thuc-thoi-diem")
        #expect(TextFolding.slug("  --Chương II--  ") == "chuong-ii")
        #expect(TextFolding.slug("Đie\u{0302}\u{0300}u 2") == "dieu-2")
        #expect(TextFolding.slug("日本 👍🏽 —") == "")
        #expect(TextFolding.slug("") == "")
    }

    static let pieces: [String] = [
        "Điều 7", "Chương II", "I. NỘI DUNG THÔNG BÁO", "Kế hoạch số 127/KH-UBND", "Đông Sơn", "ĐÔNG SƠN", "Ủy ban", "ưởng",
        " ", "  ", "-", "--", "_", ".", "/", "(", ")", "\t", "\n", "\u{00A0}", "—", "…", "ß", "æ", "Ø", "İ", "ŉ", "Ǆ", "ǅ",
        "ẞ", "Ỳ", "ỹ", "e\u{0301}", "\u{0302}", "한", "日", "👍🏽", "ﬁ", "Ω", "\r\n", "A", "z", "0", "9", "@", "[", "`", "{",
    ]

    /// A slug is its text's fold with every run of anything but a–z and 0–9 made one hyphen, none at the ends.
    @Test func aSlugIsTheFoldsLettersAndDigitsJoinedByHyphens() {
        var g = SeededGenerator(seed: 0x51D6)
        var texts = (0..<4000).map { _ in
            (0..<Int.random(in: 0...10, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
        }
        for value in UInt32(0)...0x2FFF { if let s = Unicode.Scalar(value) { texts.append("Ab " + String(s) + "-z\u{1EC7}") } }
        for text in texts {
            let words = TextFolding.fold(text).unicodeScalars
                .split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }
                .map { String(String.UnicodeScalarView($0)) }
            #expect(TextFolding.slug(text) == words.joined(separator: "-"), "\(RandomText.values(text))")
            #expect(TextFolding.slug(text.decomposedStringWithCanonicalMapping) == TextFolding.slug(text), "\(RandomText.values(text))")
        }
    }
}
