import Foundation
import Testing
import TestSupport
@testable import Disclosure


/// The loader's byte-level fast paths give exactly what the slower definitions they replace gave
/// (those definitions are kept below, as they were written, as the references).
@Suite struct LoadingFastPathTests {
    /// Pieces that random texts are made of: Vietnamese in NFC and NFD, punctuation, controls,
    /// Markdown that makes links, images and HTML, line ends, other scripts, combining marks.
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
    ]

    static func randomText(_ g: inout SeededGenerator, pieces: Int = 12) -> String {
        (0..<Int.random(in: 0...pieces, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
    }

    // MARK: SourceText

    /// `SourceText.decode(_:)` as it was, on `Data` with Foundation's normalisation check.
    static func referenceDecode(_ data: Data) -> Result<String, SourceText.Problem> {
        if data.count > ContentLimits.maxFileBytes { return .failure(SourceText.tooLarge(bytes: data.count)) }
        var bytes = data[...]
        while bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        func looksLikeUTF16(_ bytes: Data.SubSequence) -> Bool {
            let head = Array(bytes.prefix(64))
            guard head.count >= 4 else { return false }
            let even = stride(from: 0, to: head.count - 1, by: 2).filter { head[$0] == 0 }.count
            let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
            let pairs = head.count / 2
            return (even == pairs && odd == 0) || (odd == pairs && even == 0)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .failure(SourceText.Problem(code: .notUTF8, message: "the file is saved as UTF-16",
                                               hint: "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)", line: 1))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): if s == "\n" { line += 1 }
                case .emptyInput, .error: break loop
                }
            }
            return .failure(SourceText.Problem(code: .notUTF8, message: "the file is not valid UTF-8 (first bad byte on line \(line))",
                                               hint: "save it as UTF-8; Vietnamese text from old software may be in TCVN3 or VNI", line: line))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(SourceText.Problem(code: .notUTF8, message: "the file contains NUL bytes (the first on line \(line)); it is probably not a text file",
                                               hint: "save it as UTF-8 text", line: line))
        }
        return .success(referenceIsSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping)
    }

    static func referenceIsSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF: continue
            default: return false
            }
        }
        return true
    }

    static func same(_ a: Result<String, SourceText.Problem>, _ b: Result<String, SourceText.Problem>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): return Array(x.utf8) == Array(y.utf8)
        case (.failure(let x), .failure(let y)): return x.code == y.code && x.message == y.message && x.hint == y.hint && x.line == y.line
        default: return false
        }
    }

    @Test(arguments: 0..<4)
    func decodeGivesTheBytesOfTheFoundationPath(batch: Int) {
        var g = SeededGenerator(seed: 0xDEC0DE &+ UInt64(batch))
        for _ in 0..<400 {
            var data = Data(Self.randomText(&g).utf8)
            // Now and then break it: BOMs, UTF-16, stray bytes, NUL.
            switch Int.random(in: 0..<8, using: &g) {
            case 0: data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            case 1: data = Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + data
            case 2 where !data.isEmpty: data[Int.random(in: 0..<data.count, using: &g)] = UInt8.random(in: 0x80...0xFF, using: &g)
            case 3: data = Data("---\ntitle: x".utf8.flatMap { [$0, 0] })
            case 4: data.append(contentsOf: [0x0A, 0x00, 0x41])
            case 5: data = Data([0xFF, 0xFE]) + data
            default: break
            }
            let fast = SourceText.decode(data)
            #expect(Self.same(fast, Self.referenceDecode(data)), "\(Array(data))")
        }
    }

    @Test func decodeAgreesOnEveryScalarClassAndOnTheSamples() throws {
        var texts = Self.pieces
        texts += (0..<0x3000).compactMap { Unicode.Scalar(UInt32($0)).map { "a" + String($0) + "b" } }
        for folder in Self.contentFolders() {
            for path in ContentLoader.markdownFiles(under: folder.appendingPathComponent("documents")) {
                texts.append(try String(contentsOf: folder.appendingPathComponent("documents/" + path), encoding: .utf8))
            }
        }
        for text in texts {
            let data = Data(text.utf8)
            #expect(Self.same(SourceText.decode(data), Self.referenceDecode(data)), "\(text.unicodeScalars.map(\.value))")
            #expect(SourceText.isSurelyNFC(text) == Self.referenceIsSurelyNFC(text))
        }
    }

    /// Content folders to compare on: the sample site and the test fixtures that exist here.
    static func contentFolders() -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [root.appendingPathComponent("Content"), root.appendingPathComponent("Tests/PortalTests/Fixtures")]
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("documents").path) }
    }

    @Test func decodeReadsFilesLikeDataDid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-decode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var g = SeededGenerator(seed: 99)
        for index in 0..<50 {
            let data = Data(Self.randomText(&g, pieces: 400).utf8) + (index % 5 == 0 ? Data([0xC3]) : Data())
            let url = folder.appendingPathComponent("\(index).md")
            try data.write(to: url)
            #expect(Self.same(SourceText.decode(contentsOf: url), Self.referenceDecode(data)))
        }
        let empty = folder.appendingPathComponent("empty.md")
        try Data().write(to: empty)
        #expect(try SourceText.decode(contentsOf: empty).get() == "")
    }

    // MARK: Front matter

    /// The definition `FrontMatter.split` follows: lines, trimmed of Foundation's `.whitespaces`.
    static func referenceSplit(_ text: String) -> Result<FrontMatter, FrontMatter.Failure> {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func marker(_ line: String, _ m: String) -> Bool { line.trimmingCharacters(in: .whitespaces) == m }
        guard let first = lines.first, marker(first, "---") else { return .failure(.missing) }
        guard lines.count > 1 else { return .failure(.unclosed) }
        for index in 1..<lines.count where marker(lines[index], "---") || marker(lines[index], "...") {
            return .success(FrontMatter(yaml: lines[1..<index].joined(separator: "\n"), yamlLine: 2,
                                        body: lines[(index + 1)...].joined(separator: "\n"), bodyLine: index + 2))
        }
        return .failure(.unclosed)
    }

    @Test func frontMatterSplitsWhereTrimmedLinesSayItDoes() {
        var g = SeededGenerator(seed: 0xF3)
        let markers = ["---", "...", " --- ", "\t---\t", "\u{00A0}---", "---\u{3000}", "--- x", "-- -", "\u{2003}...", "----", "---\u{0301}"]
        for _ in 0..<3000 {
            var parts: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &g) {
                parts.append(Bool.random(using: &g) ? markers.randomElement(using: &g)! : Self.randomText(&g, pieces: 3))
            }
            let text = parts.joined(separator: Bool.random(using: &g) ? "\n" : "\r\n")
            #expect(FrontMatter.split(text) == Self.referenceSplit(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: Control characters

    static func referenceFirstForbiddenControl(in text: String) -> (scalar: Unicode.Scalar, line: Int)? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 } else if ContentLimits.isForbiddenControl(scalar) { return (scalar, line) }
        }
        return nil
    }

    @Test func forbiddenControlsAreFoundWhereTheScalarLoopFindsThem() {
        var g = SeededGenerator(seed: 0xC0)
        var texts = (0..<3000).map { _ in Self.randomText(&g) }
        texts += (0..<0x2100).compactMap { Unicode.Scalar(UInt32($0)).map { "ab\n" + String($0) + "\u{2026}" } }
        for text in texts {
            let fast = ContentLimits.firstForbiddenControl(in: text), slow = Self.referenceFirstForbiddenControl(in: text)
            #expect(fast?.scalar == slow?.scalar && fast?.line == slow?.line, "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: Folding

    @Test func foldingByTableEqualsFoldingByDecomposition() {
        var g = SeededGenerator(seed: 0xF01D)
        var texts = (0..<3000).map { _ in Self.randomText(&g) }
        for value in UInt32(0)...0x2FFF { if let s = Unicode.Scalar(value) { texts.append("Ab" + String(s) + "z\u{1EC7}") } }
        let letters = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0-/ ")
        for _ in 0..<3000 {
            texts.append(String((0..<Int.random(in: 0...20, using: &g)).map { _ in letters.randomElement(using: &g)! }))
        }
        for text in texts {
            #expect(TextFolding.fold(text) == TextFolding.foldedByDecomposition(text), "\(text.unicodeScalars.map(\.value))")
            if let fast = TextFolding.foldedFast(text) { #expect(fast == TextFolding.foldedByDecomposition(text)) }
        }
    }

    // MARK: Body scan

    /// The loader's outline headings as they were found: a second parse, top-level headings.
    static func referenceHeadings(_ body: String) -> [(text: String, line: Int)] {
        MarkdownDocument(body).headings.map { (text: $0.text, line: $0.line) }
    }

    @Test(arguments: 0..<4)
    func skippedBodiesHoldNothingToReport(batch: Int) {
        var g = SeededGenerator(seed: 0xB0D7 &+ UInt64(batch))
        for _ in 0..<600 {
            let body = Self.randomText(&g, pieces: 20)
            let walk = BodyScan.walk(body)
            let reportable = !walk.html.isEmpty || walk.links.contains { BodyScan.unsafeTarget($0.url, image: $0.image) != nil }
            if reportable { #expect(BodyScan.mayHoldUnpublished(body), "skipped: \(body)") }
            // With or without the parse, the same warnings; with headings asked for, the same headings.
            let scan = BodyScan.scan(body, firstLine: 5, file: "f.md", headings: true)
            #expect(scan.diagnostics == BodyScan.scan(body, firstLine: 5, file: "f.md", headings: false).diagnostics)
            let reference = Self.referenceHeadings(body)
            #expect(scan.headings?.map(\.text) == reference.map(\.text) && scan.headings?.map(\.line) == reference.map(\.line), "\(body)")
        }
    }

    @Test func regulationOutlinesAreTheSameAsFromTheirOwnParse() throws {
        for folder in Self.contentFolders() {
            let content = ContentLoader.load(from: folder)
            for record in content.records where record.type.isRegulation {
                let outline = try #require(record.outline)
                #expect(outline == RegulationOutline(headings: Self.referenceHeadings(record.body)), "\(record.file)")
            }
            for record in content.records where !record.type.isRegulation { #expect(record.outline == nil) }
        }
    }
}
