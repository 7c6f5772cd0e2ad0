import Foundation
import Testing
import TestSupport
import Disclosure
@testable import Portal

/// The printable notice: the QR symbol, Vietnamese words, and the print pages the build adds for
/// posted records.
@Suite("Print view and QR code")
struct PrintTests {
    // MARK: QR

    @Test("libqrencode gives a symbol with its three finder patterns")
    func qrSymbol() throws {
        let code = try QRCode(encoding: "https://congkhai.dongson.example/van-ban/du-thao-quy-che-dan-chu/")
        #expect(code.size >= 21 && (code.size - 21) % 4 == 0)
        let last = code.size - 1
        for (x, y) in [(0, 0), (last - 6, 0), (0, last - 6)] {
            #expect(code[x, y] && code[x + 6, y + 6] && code[x + 3, y + 3], "finder corner and centre are dark")
            #expect(!code[x + 1, y + 1] && !code[x + 5, y + 5], "the finder's inner ring is light")
        }
        #expect(!code[7, 7], "the separator beside the top-left finder is light")
    }

    @Test("the SVG path draws exactly the dark modules, inside a light margin of 4 modules")
    func qrPath() throws {
        let code = try QRCode(encoding: "https://example.org/")
        #expect(code.side == code.size + 8)
        var drawn = Set<[Int]>()
        let runs = try Regex(#"M(\d+) (\d+)h(\d+)v1h-(\d+)z"#)
        var rest = Substring(code.svgPath)
        while let run = rest.prefixMatch(of: runs) {
            let x = Int(run.output[1].substring!)!, y = Int(run.output[2].substring!)!, length = Int(run.output[3].substring!)!
            #expect(Int(run.output[4].substring!)! == length)
            for dx in 0..<length { #expect(drawn.insert([x + dx - 4, y - 4]).inserted, "each module is drawn once") }
            rest = rest[run.range.upperBound...]
        }
        #expect(rest.isEmpty, "the path is nothing but runs")
        var dark = Set<[Int]>()
        for y in 0..<code.size { for x in 0..<code.size where code[x, y] { dark.insert([x, y]) } }
        #expect(drawn == dark)
    }

    @Test("the print page's QR code, rasterised by rsvg-convert, decodes with zbarimg to the record's URL")
    func qrDecodes() throws {
        let url = "https://congkhai.dongson.example/van-ban/du-thao-quy-che-dan-chu/"
        let site = try PortalFixture.build(asOf: "2024-02-15")
        let html = try site.text(PrintPaths.notice(PortalFixture.draftID))
        let svg = try #require(html.firstMatch(of: try Regex("<svg[^>]*>.*?</svg>").dotMatchesNewlines())).output[0].substring!
        #expect(svg.contains("aria-label=\"Mã QR dẫn tới văn bản trên cổng thông tin: \(url)\""))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appendingPathComponent("qr.svg"), pngFile = folder.appendingPathComponent("qr.png")
        try Data(svg.utf8).write(to: svgFile)
        // 300 px for a version 3–4 symbol: a few pixels per module, as a phone's camera sees paper.
        _ = try run("rsvg-convert", ["--width", "300", "--output", pngFile.path, svgFile.path])
        #expect(try run("zbarimg", ["--quiet", "--raw", pngFile.path]) == url + "\n")
    }

    /// Runs a tool found on PATH (Debian's librsvg2-bin and zbar-tools, as the README installs them).
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) failed (exit \(process.terminationStatus)): install librsvg2-bin and zbar-tools")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("an empty text is an error, not a crash")
    func qrEmpty() {
        #expect(throws: QRCodeError.self) { try QRCode(encoding: "") }
    }

    // MARK: Kind before the title

    @Test("a title's head, lowercased, answers as the whole title lowercased (seeded random titles)")
    func prefixIgnoringCase() {
        var random = SeededGenerator(seed: 2024)
        let kinds = ["Kế hoạch", "Dự thảo quy chế", "Biên bản", "QUYẾT ĐỊNH", "Ke\u{302}\u{301} hoạch", "Σίσυφος", "İstanbul", "ǅ", "e", ""]
        // Pieces that change length when lowercased, combine, join or split characters.
        let pieces = ["Kế hoạch", "kế HOẠCH", "Ke\u{302}\u{301}", "\u{301}", "\u{302}", "İ", "ΣΊΣΥΦΟΣ", "ǅ", "ẞ", "👩\u{200D}💻", "🇻🇳", "\u{1100}\u{1161}",
                      " ", "-", "ĐĂ", "x", "\r\n", "\u{0915}\u{094D}\u{0937}", "QUYẾT ĐỊNH", "Dự thảo quy chế", "BIÊN BẢN"]
        var matched = 0
        for _ in 0..<20_000 {
            let kind = kinds[random.below(kinds.count)]
            var title = random.below(2) == 0 ? kind : ""
            for _ in 0..<random.below(12) { title += pieces[random.below(pieces.count)] }
            let expected = title.lowercased().hasPrefix(kind.lowercased())
            #expect(title.hasPrefixIgnoringCase(kind) == expected, "\(title.unicodeScalars.map { String($0.value, radix: 16) }) / \(kind)")
            if expected { matched += 1 }
        }
        #expect(matched > 5000 && matched < 15_000)
    }

    // MARK: Words

    @Test("numbers in Vietnamese words", arguments: [
        (1, "một"), (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"), (20, "hai mươi"),
        (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (30, "ba mươi"), (100, "một trăm"),
        (105, "một trăm linh năm"), (110, "một trăm mười"), (365, "ba trăm sáu mươi lăm"),
    ])
    func words(n: Int, expected: String) {
        #expect(VietnameseWords.number(n) == expected)
    }

    @Test("dates as a document's date line writes them (leading zero for days < 10 and months 1–2)")
    func dates() {
        #expect(VietnameseWords.date(PortalFixture.day("2024-02-05")) == "ngày 05 tháng 02 năm 2024")
        #expect(VietnameseWords.date(PortalFixture.day("2024-03-26")) == "ngày 26 tháng 3 năm 2024")
        #expect(VietnameseWords.date(PortalFixture.day("2024-12-01")) == "ngày 01 tháng 12 năm 2024")
        #expect(VietnameseWords.count(20) == "20 (hai mươi)")
        #expect(VietnameseWords.count(1200) == "1200")
    }

    // MARK: The built print pages

    @Test("every posted record has a print page; others have none")
    func printPagesInBuild() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        let content = PortalFixture.load()
        for record in content.records where record.isPublished {
            let hasPrint = site.paths.contains(PrintPaths.notice(record.id))
            #expect(hasPrint == (record.posting != nil), "\(record.id)")
        }
        let recordPage = try site.text(SitePaths.record(PortalFixture.draftID))
        #expect(recordPage.contains("<a href=\"in/index.html\">"))
    }

    @Test("the draft's print page: national header, title, period in words, comments, QR with alt")
    func draftNotice() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        let html = try site.text(PrintPaths.notice(PortalFixture.draftID))
        #expect(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(html.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(html.contains("UBND XÃ ĐÔNG SƠN"))
        #expect(html.contains("<h1"))
        #expect(html.contains("Thời gian niêm yết: 20 (hai mươi) ngày, từ ngày 05 tháng 02 năm 2024 đến hết ngày 25 tháng 02 năm 2024."))
        #expect(html.contains("đến hết ngày 26 tháng 02 năm 2024"), "Art. 148(5): 25/02 is a Sunday")
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 45 45\""), "a version 5 symbol (37 modules) and 4 modules of margin")
        #expect(html.contains("href=\"../../../van-ban/du-thao-quy-che-dan-chu/index.html\""), "links back to the record's page")
        #expect(html.contains("@page") == false, "the A4 rules live in assets/print.css")
        #expect(site.paths.contains("assets/print.css"))
        try expectGolden(html, "print-draft.html")
    }

    @Test("a numbered record's notice: number, date line, comment deadline in words, contact, signer")
    func planNotice() throws {
        // Plan 127 as if it had been posted for 30 days with comments until 09/02 ("trước ngày 10/2/2024").
        let content = try PortalFixture.copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let file = content.appendingPathComponent("documents/2024/127-kh-ubnd.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "type: KH\n", with: """
            type: KH
            posting:
              start: 2024-01-30
              days: 30
              places: [notice-board, portal]
              feedback_until: 2024-02-09

            """).utf8).write(to: file)
        let site = try PortalFixture.build(asOf: "2024-02-01", content: content)
        let html = try site.text(PrintPaths.notice("2024-127-kh-ubnd"))
        #expect(html.contains("Số: 127/KH-UBND"))
        #expect(html.contains("Đông Sơn, ngày 30 tháng 01 năm 2024"))
        #expect(html.contains("30 (ba mươi) ngày, từ ngày 30 tháng 01 năm 2024 đến hết ngày 29 tháng 02 năm 2024."))
        #expect(html.contains("Ý kiến góp ý gửi về UBND xã Đông Sơn đến hết ngày 09 tháng 02 năm 2024."))
        #expect(html.contains("Bảng tin tại trụ sở UBND xã Đông Sơn; Cổng công khai thông tin xã Đông Sơn (https://congkhai.dongson.example/)"))
        #expect(html.contains("dongson_yenthe@bacgiang.gov.vn"))
        #expect(html.contains("Đặng Quý Hưng"))
        #expect(html.contains("<span class=\"notice__kind\">Kế hoạch</span>"))
    }
}
