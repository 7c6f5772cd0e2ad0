import TestSupport

/// Pieces of running text for the renderer's property tests: article mentions in NFC and NFD,
/// white space of every kind, other scripts, file names.
enum MarkdownText {
    static let pieces: [String] = [
        "Điều 7", "Điều 12.", "điều 3", "Điều 7 khoản 2 Bộ luật Dân sự", "Điều 9 của Luật", "Điều 99", "Điều\u{00A0}7", "Điều 7a",
        "Điều 70", "xĐiều 7", "ĐIỀU 7", "Đi\u{1EC1}u 7", "Đie\u{0302}\u{0300}u 7", "i\u{1EC1}u", "iều", "Đ", "đ", " ", "  ", "\t", "\n",
        "\r\n", "\u{00A0}", "\u{0085}", "\u{2028}", "\u{202F}", "\u{3000}", "\u{0301}", " \u{0301}", "\u{20D0}", "—", "…", "€", "→",
        "Chương II", "quy định tại", "a", "b", "7", ",", ".", "한", "日", "👍🏽", "ﬁ", "Ω", "ǅ",
        "tài liệu/biên bản.pdf", "tep/Kế hoạch 127.pdf", "a b", "%", "~", "_", "-", "/", "?", "#", "&", "+", "=", "'", "\"",
    ]

    static func random(_ g: inout SeededGenerator, pieces: Int = 14) -> String {
        (0..<Int.random(in: 0...pieces, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
    }
}
