import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// `SourceText`: a record file's bytes → its text in NFC, or why it cannot be read.
@Suite struct SourceTextTests {
    static func decoded(_ bytes: [UInt8]) -> String? { try? SourceText.decode(Data(bytes)).get() }

    static func problem(_ bytes: [UInt8]) -> SourceText.Problem? {
        if case .failure(let problem) = SourceText.decode(Data(bytes)) { return problem }
        return nil
    }

    /// What Foundation makes of valid UTF-8 without NUL: leading byte order marks dropped, then NFC.
    static func expected(_ text: String) -> [UInt8] {
        var scalars = Substring(text).unicodeScalars
        while scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        return Array(String(scalars).precomposedStringWithCanonicalMapping.utf8)
    }

    @Test func byteOrderMarksAreDroppedHoweverMany() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(Self.decoded(bom + Array("---\n".utf8)) == "---\n")
        #expect(Self.decoded(bom + bom + Array("a".utf8)) == "a")
        #expect(Self.decoded(Array("a\u{FEFF}b".utf8)) == "a\u{FEFF}b")
        #expect(Self.decoded([]) == "")
    }

    @Test func utf16IsNamedWithOrWithoutItsMark() {
        let text = Array("---\ntitle: x".utf8)
        let little: [UInt8] = text.flatMap { [$0, 0] }, big: [UInt8] = text.flatMap { [0, $0] }
        let files: [[UInt8]] = [[0xFF, 0xFE] + little, [0xFE, 0xFF] + big, little, big, [0xFF, 0xFE]]
        for bytes in files {
            let problem = Self.problem(bytes)
            #expect(problem?.code == .notUTF8)
            #expect(problem?.message == "the file is saved as UTF-16")
            #expect(problem?.line == 1)
        }
    }

    @Test func invalidUTF8AndNULAreFoundOnTheirLine() {
        let bad = Self.problem(Array("a\nb\n".utf8) + [0xC3, 0x28])
        #expect(bad?.code == .notUTF8)
        #expect(bad?.message == "the file is not valid UTF-8 (first bad byte on line 3)")
        #expect(bad?.hint == "save it as UTF-8; Vietnamese text from old software may be in TCVN3 or VNI")
        let nul = Self.problem(Array("a\nb\n".utf8) + [0x00] + Array("c".utf8))
        #expect(nul?.code == .notUTF8)
        #expect(nul?.message == "the file contains NUL bytes (the first on line 3); it is probably not a text file")
        #expect(nul?.line == 3)
    }

    @Test func aFileOverTheLimitIsRefused() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: ContentLimits.maxFileBytes + 1)
        #expect(Self.problem(bytes)?.message == SourceText.tooLarge(bytes: bytes.count).message)
        #expect(Self.decoded([UInt8](repeating: UInt8(ascii: "a"), count: 1000))?.utf8.count == 1000)
    }

    @Test(arguments: 0..<4)
    func validTextDecodesToFoundationsNFC(batch: Int) {
        var g = SeededGenerator(seed: 0xDEC0DE &+ UInt64(batch))
        for _ in 0..<400 {
            let text = RandomText.text(&g)
            let result = SourceText.decode(Data(text.utf8))
            if text.utf8.contains(0) {
                if case .failure(let problem) = result { #expect(problem.code == .notUTF8) } else { Issue.record("accepted NUL") }
            } else {
                #expect((try? result.get()).map { Array($0.utf8) } == Self.expected(text), "\(RandomText.values(text))")
            }
        }
    }

    @Test func everyScalarClassDecodesToFoundationsNFC() {
        var texts = RandomText.pieces.filter { !$0.utf8.contains(0) }
        texts += (1..<0x3000).compactMap { Unicode.Scalar(UInt32($0)).map { "a" + String($0) + "b" } }
        for text in texts {
            #expect((try? SourceText.decode(Data(text.utf8)).get()).map { Array($0.utf8) } == Self.expected(text),
                    "\(RandomText.values(text))")
        }
    }

    /// The byte check may answer "maybe not NFC" for text that is NFC, never "NFC" for text that is not.
    @Test func theNFCCheckNeverPassesTextFoundationWouldChange() {
        var g = SeededGenerator(seed: 0x2FC)
        var texts = (0..<3000).map { _ in RandomText.scalars(&g, count: Int.random(in: 0...30, using: &g)) }
        texts += (0..<3000).map { _ in RandomText.text(&g, pieces: 8) }
        for value in UInt32(0)...0x2FFFF { if let s = Unicode.Scalar(value) { texts.append("ệ" + String(s) + "a") } }
        for text in texts {
            let nfc = text.precomposedStringWithCanonicalMapping
            if SourceText.isSurelyNFC(text) { #expect(Array(nfc.utf8) == Array(text.utf8), "\(RandomText.values(text))") }
            #expect(Array(SourceText.precomposed(text).utf8) == Array(nfc.utf8))
        }
        #expect(SourceText.isSurelyNFC("Đông Sơn, ngày 30 tháng 01 — “Điều 7” → 5 €"))
        #expect(!SourceText.isSurelyNFC("o\u{0323}\u{0302}"))
    }

    /// Files are read as their bytes are decoded: the sample content, the fixtures, and random files.
    @Test func filesDecodeAsTheirBytes() throws {
        var urls: [URL] = []
        for folder in [SampleContent.folder, DisclosureFixtures.broken, DisclosureFixtures.hostile] {
            let documents = folder.appendingPathComponent("documents")
            urls += ContentLoader.markdownFiles(under: documents).map { documents.appendingPathComponent($0) }
        }
        #expect(urls.count > 10)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-decode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var g = SeededGenerator(seed: 99)
        for index in 0..<50 {
            let data = Data(RandomText.text(&g, pieces: 400).utf8) + (index % 5 == 0 ? Data([0xC3]) : Data())
            let url = folder.appendingPathComponent("\(index).md")
            try data.write(to: url)
            urls.append(url)
        }
        for url in urls {
            let fromFile = SourceText.decode(contentsOf: url), fromBytes = SourceText.decode(try Data(contentsOf: url))
            switch (fromFile, fromBytes) {
            case (.success(let a), .success(let b)): #expect(Array(a.utf8) == Array(b.utf8), "\(url.lastPathComponent)")
            case (.failure(let a), .failure(let b)): #expect(a.code == b.code && a.message == b.message && a.line == b.line)
            default: Issue.record("\(url.lastPathComponent): the file and its bytes decode differently")
            }
        }
        let empty = folder.appendingPathComponent("empty.md")
        try Data().write(to: empty)
        #expect(try SourceText.decode(contentsOf: empty).get() == "")
    }
}

/// The fixture folders of this target and of the portal's hostile site.
enum DisclosureFixtures {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let broken = tests.appendingPathComponent("DisclosureTests/Fixtures/broken")
    static let hostile = tests.appendingPathComponent("PortalTests/Fixtures/hostile/Content")
}
