import TestSupport

/// Pieces that the property tests' random texts are made of: Vietnamese in NFC and NFD,
/// punctuation, controls, Markdown that makes links, images and HTML, line ends, other scripts,
/// combining marks, white space of every kind.
enum RandomText {
    static let pieces: [String] = [
        "Điều 7. ", "điều 12", "Đông Sơn", "DÂN CHỦ", "Quy chế", "Phần thứ nhất", "Chương II", "ộ", "o\u{0323}\u{0302}",
        "e\u{0302}\u{0300}", "Å", "İ", "ǅ", "ß", "Ø", "ĳ", "ﬁ", "Ω", "Ω", "한국", "日本", "👍🏽", "\u{0301}", "\u{20D0}",
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u{00A0}", "\u{0085}", "\u{2028}", "\u{202F}", "\u{3000}", "—", "…", "“x”", "€",
        "\u{202E}", "\u{2066}", "\u{0007}", "\u{007F}", "\u{0085}", "\u{0000}", "\u{FEFF}",
        "[a](https://x.vn)", "[b](javascript:alert(1))", "[c](JaVaScRiPt:x)", "![d](data:image/png;base64,AA)",
        "[e](file:///etc/passwd)", "[f](vbscript:x)", "<div>x</div>", "<b>", "<https://y.vn>", "<javascript:x>",
        "[g](&#106;avascript:x)", "[h](java&#115;cript:x)", "[i]: javascript:x\n", "[i]", "[j](<java script:x>)",
        "[k](java\\script:x)", "[l](javascript\\:x)", "[m](DATA\\:x)", "[n](x\\\\:y)", "[o](xfile:y)", "&amp;", "&lt;b&gt;", "*em*", "`code`", "# Điều 3. Tiêu đề\n",
        "## Chương I\n", "Tiêu đề\n===\n", "> # Điều 9\n", "- # Điều 8\n", "```\n# Điều 4\n```\n", "    # Điều 5\n",
        "\n\n", "1. ", "---\n", "...", "Data", "FILE", "script", "d", "s", "f", "a:b", ":", "x",
        "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{205F}", "\u{2029}", "\u{000B}", "\u{000C}", "\u{180E}",
        " \u{0301}", "\u{00A0}\u{0301}", "Số:", "số: ", "SỐ:", "127", "/", "-", "KH", "UBND", "QĐ", "q\u{0110}", "2024", "law-11.", "agency-6.",
        "ngày", "tháng", "năm", "30", "01", "\u{1E9E}", "\u{0130}", "\u{FB01}", "\u{10400}", "\u{E0001}",
    ]

    static func text(_ g: inout SeededGenerator, pieces: Int = 12) -> String {
        (0..<Int.random(in: 0...pieces, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
    }

    /// Random scalars from every plane, weighted toward ASCII and the ranges the loader's byte checks know.
    static func scalars(_ g: inout SeededGenerator, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            let range: ClosedRange<UInt32> = [0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x21FF,
                                              0x2200...0xFFFF, 0x10000...0x10FFFF].randomElement(using: &g)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &g)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// Scalar values, for a failing case's message.
    static func values(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
}
