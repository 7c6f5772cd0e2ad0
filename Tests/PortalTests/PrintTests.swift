import Foundation
import Testing
import TestSupport
import Disclosure
@testable import Portal

/// The printable notice: the PNG writer and its checksums, the QR symbol, Vietnamese words, and
/// the print pages the build adds for posted records.
@Suite("Print view and QR image")
struct PrintTests {
    // MARK: Checksums (check values from the CRC catalogue and RFC 1950)

    @Test("CRC-32 and Adler-32 of the standard check strings")
    func checksums() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
        // Long input: the modulo must be taken before the 32-bit sums overflow.
        let long = [UInt8](repeating: 0xFF, count: 100_000)
        var a: UInt64 = 1, b: UInt64 = 0
        for byte in long { a = (a + UInt64(byte)) % 65_521; b = (b + a) % 65_521 }
        #expect(Adler32.checksum(long) == UInt32(b << 16 | a))
    }

    // MARK: PNG

    @Test("a PNG holds the signature, a valid IHDR and IDAT that inflates to the pixels")
    func pngRoundTrip() throws {
        // 10 × 3, a diagonal and a full last row: exercises bit packing across a byte boundary.
        var pixels = [Bool](repeating: false, count: 30)
        for i in 0..<3 { pixels[i * 10 + i] = true }
        for x in 0..<10 { pixels[20 + x] = true }
        let bitmap = MonochromeBitmap(width: 10, height: 3, pixels: pixels)
        let png = try DecodedPNG(PNGEncoder.encode(bitmap))
        #expect(png.width == 10 && png.height == 3)
        #expect(png.bitDepth == 1 && png.colourType == 0)
        #expect(png.chunkTypes == ["IHDR", "IDAT", "IEND"])
        #expect(png.pixels == pixels)
    }

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

    @Test("the QR image scales modules and keeps a light quiet zone of 4 modules")
    func qrBitmap() throws {
        let code = try QRCode(encoding: "https://example.org/")
        let bitmap = code.bitmap(scale: 3, quietZone: 4)
        #expect(bitmap.width == (code.size + 8) * 3)
        #expect(!bitmap.pixels[0..<(bitmap.width * 12)].contains(true), "the top 4 modules are light")
        #expect(bitmap[12, 12] && bitmap[14, 14], "module (0, 0) is dark across its 3 × 3 pixels")
        #expect(!bitmap[11, 12])
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

    @Test("every posted record has a print page and a QR image; others have none")
    func printPagesInBuild() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        let content = PortalFixture.load()
        for record in content.records where record.isPublished {
            let hasPrint = site.paths.contains(PrintPaths.notice(record.id))
            #expect(hasPrint == (record.posting != nil), "\(record.id)")
            #expect(site.paths.contains(PrintPaths.qrImage(record.id)) == (record.posting != nil), "\(record.id)")
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
        #expect(html.contains("<img src=\"qr.png\" alt=\"Mã QR dẫn tới văn bản trên cổng thông tin: https://congkhai.dongson.example/van-ban/du-thao-quy-che-dan-chu/\""))
        #expect(html.contains("href=\"../../../van-ban/du-thao-quy-che-dan-chu/index.html\""), "links back to the record's page")
        #expect(html.contains("@page") == false, "the A4 rules live in assets/print.css")
        #expect(site.paths.contains("assets/print.css"))
        try expectGolden(html, "print-draft.html")

        let png = try DecodedPNG(try #require(site.files.first { $0.path == PrintPaths.qrImage(PortalFixture.draftID) }?.data))
        let code = try QRCode(encoding: "https://congkhai.dongson.example/van-ban/du-thao-quy-che-dan-chu/")
        #expect(png.width == (code.size + 8) * 8)
        #expect(png.pixels == code.bitmap().pixels)
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

/// A minimal PNG reader for the tests: chunks, IHDR, and IDAT made of stored deflate blocks.
struct DecodedPNG {
    let width: Int
    let height: Int
    let bitDepth: UInt8
    let colourType: UInt8
    let chunkTypes: [String]
    let pixels: [Bool]

    struct Malformed: Error, CustomStringConvertible { let description: String }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard Array(bytes.prefix(8)) == PNGEncoder.signature else { throw Malformed(description: "no PNG signature") }
        func word(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        var offset = 8
        var types: [String] = []
        var header: [UInt8] = []
        var idat: [UInt8] = []
        while offset + 12 <= bytes.count {
            let length = word(offset)
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let body = Array(bytes[offset + 8..<offset + 8 + length])
            guard UInt32(word(offset + 8 + length)) == CRC32.checksum(Array(bytes[offset + 4..<offset + 8]) + body) else {
                throw Malformed(description: "bad CRC in \(type)")
            }
            types.append(type)
            if type == "IHDR" { header = body }
            if type == "IDAT" { idat += body }
            offset += 12 + length
        }
        guard header.count == 13 else { throw Malformed(description: "no IHDR") }
        width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        bitDepth = header[8]
        colourType = header[9]
        chunkTypes = types
        let raw = try TestInflate.zlib(idat)
        let rowBytes = (width + 7) / 8
        guard raw.count == height * (rowBytes + 1) else { throw Malformed(description: "wrong scanline size") }
        var pixels: [Bool] = []
        for y in 0..<height {
            guard raw[y * (rowBytes + 1)] == 0 else { throw Malformed(description: "unexpected filter") }
            for x in 0..<width {
                let byte = raw[y * (rowBytes + 1) + 1 + x / 8]
                pixels.append(byte & (0x80 >> UInt8(x % 8)) == 0) // 0 bit = black
            }
        }
        self.pixels = pixels
    }
}
