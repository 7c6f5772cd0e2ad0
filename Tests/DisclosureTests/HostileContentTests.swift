import Foundation
import Testing
@testable import Disclosure

/// Hostile input to the loader that a committed fixture cannot carry well:
/// huge files made in the test, symbolic links, FIFOs, other encodings, NFD file names. Every case
/// must end in a diagnostic with a file and a line (or a record that loads), never a crash or a hang.
@Suite struct HostileContentTests {
    /// A fresh `Content/` folder with `documents/`, removed by the caller.
    static func temporaryContent() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("congkhai-hostile-\(UUID().uuidString)/Content", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("documents"), withIntermediateDirectories: true)
        return folder
    }

    static func remove(_ content: URL) {
        try? FileManager.default.removeItem(at: content.deletingLastPathComponent())
    }

    static let header = "---\ntitle: Thông báo\ntype: TB\ndate: 2024-03-01\n---\n"

    static func assemble(_ files: [(String, String)]) -> LoadedContent {
        ContentLoader.assemble(site: nil, documents: files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    static func codes(_ content: LoadedContent, in file: String? = nil) -> [DiagnosticCode] {
        content.diagnostics.filter { file == nil || $0.location?.file == file }.map(\.code)
    }

    // MARK: Size

    @Test func aFiftyMegabyteFileOnDiskIsRefusedBeforeItIsRead() throws {
        let content = try Self.temporaryContent()
        defer { Self.remove(content) }
        let url = content.appendingPathComponent("documents/big.md")
        try Data(Self.header.utf8).write(to: url)
        // 50 MB without writing 50 MB: the size check must come from the file's size, not its text.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        let loaded = ContentLoader.load(from: content)
        let problem = try #require(loaded.diagnostics.first { $0.code == .tooLarge })
        #expect(problem.location?.file.hasSuffix("documents/big.md") == true)
        #expect(problem.location?.line == 1)
        #expect(problem.message.contains("50.0 MB"))
        #expect(loaded.isUnreadable)
        #expect(loaded.records.isEmpty)
    }

    @Test func aFiftyMegabyteBodyInMemoryIsRefused() throws {
        let body = String(repeating: "Điều 1. Nội dung dài.\n", count: 50 * 1024 * 1024 / 24)
        let loaded = Self.assemble([("documents/big.md", Self.header + body)])
        #expect(Self.codes(loaded) == [.tooLarge])
        #expect(loaded.diagnostics.first?.location == SourceLocation(file: "documents/big.md", line: 1))
    }

    @Test func frontMatterOverOneMegabyteIsRefused() {
        let long = String(repeating: "x", count: ContentLimits.maxFrontMatterBytes + 10)
        let loaded = Self.assemble([("documents/a.md", "---\ntitle: \(long)\ntype: TB\ndate: 2024-03-01\n---\n")])
        #expect(Self.codes(loaded) == [.tooLarge])
    }

    @Test func aMillionYAMLValuesAreRefusedWithoutComposingThem() {
        let list = "[" + Array(repeating: "a", count: ContentLimits.maxYAMLNodes + 5).joined(separator: ",") + "]"
        let loaded = Self.assemble([("documents/a.md", Self.header.replacingOccurrences(of: "---\n", with: "---\nnotes: \(list)\n", options: .anchored))])
        #expect(Self.codes(loaded) == [.tooLarge])
        #expect(loaded.diagnostics.first?.location?.line == 2)
    }

    // MARK: YAML

    @Test func aBillionLaughsIsRefusedAtItsFirstAlias() {
        let bomb = """
            ---
            title: Bom bí danh
            type: TB
            date: 2024-03-01
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            *i : x
            ---
            """
        let started = ContinuousClock.now
        let loaded = Self.assemble([("documents/bomb.md", bomb)])
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(Set(Self.codes(loaded)) == [.yamlAlias])
        // At most ten aliases are listed, the first on the first line that has one (file line 6).
        #expect(loaded.diagnostics.count == 10)
        #expect(loaded.diagnostics.first?.location?.line == 6)
        #expect(loaded.records.isEmpty)
    }

    @Test func siteYAMLIsGuardedToo() {
        let (_, problems) = SiteParser.parse(text: "name: &n Cổng\ncommune: *n\n", file: "site.yml")
        #expect(problems.map(\.code) == [.yamlAlias])
        #expect(problems.first?.location?.line == 2)
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let (_, deepProblems) = SiteParser.parse(text: "policy: \(deep)\n", file: "site.yml")
        #expect(deepProblems.map(\.code) == [.tooDeep])
    }

    /// The address lands in robots.txt, sitemap.xml and calendar.ics, which are made of lines.
    @Test("a base_url with a line break, a space or a control is an error, and the default stays",
          arguments: ["\"https://x.example/\\nDisallow: /\"", "\"https://x.example/\\r\\nHost: y\"", "\"https://x.example/a b/\"",
                      "\"https://x.example/a\\u2028b/\"", "\"https://x.exa\\tmple/\"", "ftp://x.example/", "https://"])
    func aBaseURLThatWouldBreakALineIsRefused(value: String) {
        let (site, problems) = SiteParser.parse(text: "base_url: \(value)\n", file: "site.yml")
        #expect(problems.map(\.code) == [.invalidSite], "\(value)")
        #expect(problems.first?.location?.line == 1)
        #expect(site.baseURL == SiteConfig().baseURL)
        #expect(SiteConfig.baseURLProblem("https://congkhai.dongson.example/") == nil)
    }

    // MARK: Encodings and shapes of files

    @Test func anEmptyFileABOMAloneAndALoneOpeningLineAreClearErrors() throws {
        let loaded = Self.assemble([("documents/empty.md", ""), ("documents/dashes.md", "---"), ("documents/spaces.md", "\n\n  \n")])
        #expect(Self.codes(loaded, in: "documents/empty.md") == [.missingFrontMatter])
        #expect(Self.codes(loaded, in: "documents/dashes.md") == [.unclosedFrontMatter])
        #expect(Self.codes(loaded, in: "documents/spaces.md") == [.missingFrontMatter])
        #expect(loaded.diagnostics.allSatisfy { $0.location?.line == 1 })
        #expect(try SourceText.decode(Data([0xEF, 0xBB, 0xBF])).get() == "")
        #expect(try SourceText.decode(Data()).get() == "")
    }

    @Test func utf16WithAndWithoutBOMAndInvalidUTF8GiveFileAndLine() throws {
        let content = try Self.temporaryContent()
        defer { Self.remove(content) }
        let text = Self.header + "Nội dung\n"
        var le = Data(), be = Data()
        for unit in text.utf16 {
            le.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            be.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        try le.write(to: content.appendingPathComponent("documents/utf16le.md"))
        try (Data([0xFE, 0xFF]) + be).write(to: content.appendingPathComponent("documents/utf16be-bom.md"))
        // TCVN3 "Th«ng b¸o" is valid Latin-1 but not UTF-8: the bad byte is on line 2.
        try (Data("---\ntitle: Th".utf8) + Data([0xAB]) + Data("ng b\u{B8}o\n---\n".utf8))
            .write(to: content.appendingPathComponent("documents/tcvn3.md"))
        let loaded = ContentLoader.load(from: content)
        let byFile = Dictionary(grouping: loaded.diagnostics.filter { $0.code == .notUTF8 }) {
            URL(fileURLWithPath: $0.location!.file).lastPathComponent
        }
        #expect(byFile["utf16le.md"]?.first?.message.contains("UTF-16") == true)
        #expect(byFile["utf16be-bom.md"]?.first?.message.contains("UTF-16") == true)
        #expect(byFile["tcvn3.md"]?.first?.location?.line == 2)
        #expect(loaded.records.isEmpty)
    }

    @Test func aDoubleBOMAndBareCarriageReturnsAreRead() throws {
        let text = try SourceText.decode(Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + Data("---\rtitle: Mac cũ\rtype: TB\rdate: 2024-03-01\r---\rThân\r".utf8)).get()
        let loaded = Self.assemble([("documents/cr.md", text)])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.records.first?.title == "Mac cũ")
        #expect(loaded.records.first?.body == "Thân\n")
    }

    @Test func controlCharactersInTheBodyAreWarningsWithTheirLine() {
        let loaded = Self.assemble([("documents/a.md", Self.header + "Dòng một\nDòng \u{1B}[31mhai\n")])
        #expect(loaded.diagnostics.map(\.code) == [.controlCharacter])
        #expect(loaded.diagnostics.first?.severity == .warning)
        #expect(loaded.diagnostics.first?.location?.line == 7)
        #expect(loaded.records.count == 1)
    }

    @Test func aControlCharacterInAKeyIsNamedVisibly() {
        let loaded = Self.assemble([("documents/a.md", "---\ntitle: A\ntype: TB\ndate: 2024-03-01\nsig\u{202E}ner: B\n---\n")])
        #expect(loaded.diagnostics.map(\.code) == [.controlCharacter])
        #expect(loaded.diagnostics.first?.message.contains("U+202E") == true)
        #expect(loaded.diagnostics.first?.message.contains("\u{202E}") == false)
        #expect(loaded.diagnostics.first?.location?.line == 5)
    }

    // MARK: Identity

    @Test func fileNamesDifferingOnlyInUnicodeFormOrCaseClash() {
        let nfc = "documents/Đông-Sơn.md".precomposedStringWithCanonicalMapping
        let nfd = "documents/đông-sơn.md".decomposedStringWithCanonicalMapping
        #expect(nfc != nfd)
        let record = "---\ntitle: Biên bản\ntype: BB\ndate: 2024-06-01\n---\n"
        let loaded = Self.assemble([(nfc, record), (nfd, record)])
        #expect(loaded.records.map(\.id) == ["dong-son"])
        #expect(loaded.diagnostics.map(\.code) == [.duplicateID])
        #expect(loaded.diagnostics.first?.location == SourceLocation(file: nfd, line: 1))
    }

    @Test func numbersDifferingOnlyInUnicodeFormOrCaseClash() {
        let nfc = "---\ntitle: A\nnumber: 12/QĐ-UBND\ndate: 2024-06-01\n---\n".precomposedStringWithCanonicalMapping
        let nfd = "---\ntitle: B\nnumber: 12/QĐ-ubnd\ndate: 2024-06-02\n---\n".decomposedStringWithCanonicalMapping
        let loaded = Self.assemble([("documents/a.md", nfc), ("documents/b.md", nfd)])
        #expect(loaded.diagnostics.filter { $0.code == .duplicateNumber }.map(\.location) == [SourceLocation(file: "documents/b.md", line: 3)])
        #expect(loaded.records.count == 1)
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "a/../../b", "Hồ sơ", "x\u{202E}y", String(repeating: "a", count: 101)])
    func anIDThatIsNoSlugIsRefused(id: String) {
        let loaded = Self.assemble([("documents/ok.md", "---\nid: \"\(id)\"\ntitle: A\ntype: TB\ndate: 2024-06-01\n---\n")])
        #expect(loaded.diagnostics.hasErrors)
        #expect(loaded.diagnostics.allSatisfy { $0.location?.line == 2 })
        // The record still loads, under the id of its file name: never a path.
        #expect(loaded.records.map(\.id).allSatisfy { $0 == "ok" })
    }

    // MARK: Links outside the content folder

    @Test func symbolicLinksOutOfTheContentFolderAndFIFOsAreNotRead() throws {
        let content = try Self.temporaryContent()
        defer { Self.remove(content) }
        let fm = FileManager.default
        let outside = content.deletingLastPathComponent().appendingPathComponent("secret.md")
        try Data((Self.header + "bí mật\n").utf8).write(to: outside)
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("documents/link.md").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("documents/passwd.md").path, withDestinationPath: "../../../../../../etc/passwd")
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("documents/loop").path, withDestinationPath: "..")
        #expect(mkfifo(content.appendingPathComponent("documents/pipe.md").path, 0o600) == 0)
        let loaded = ContentLoader.load(from: content)
        let found = Dictionary(grouping: loaded.diagnostics) { URL(fileURLWithPath: $0.location?.file ?? "").lastPathComponent }
        #expect(found["link.md"]?.map(\.code) == [.outsideContent])
        #expect(found["passwd.md"]?.map(\.code) == [.outsideContent])
        #expect(found["pipe.md"]?.map(\.code) == [.outsideContent])
        #expect(found["loop"]?.map(\.code) == [.outsideContent])
        #expect(found["loop"]?.first?.severity == .warning)
        #expect(loaded.diagnostics.allSatisfy { $0.location?.line == 1 || $0.code == .noRecords })
        #expect(loaded.records.isEmpty)
    }

    // MARK: Bodies

    @Test func deeplyNestedBodiesLoad() {
        let lists = String(repeating: "- ", count: 20_000) + "x\n"
        let quotes = String(repeating: ">", count: 100_000) + " y\n"
        let emphasis = String(repeating: "*", count: 50_000) + "z" + String(repeating: "*", count: 50_000) + "\n"
        let links = String(repeating: "[", count: 50_000) + "a" + String(repeating: "](javascript:x)", count: 50_000) + "\n"
        let started = ContinuousClock.now
        let loaded = Self.assemble([("documents/deep.md", Self.header + lists + "\n" + quotes + "\n" + emphasis + "\n" + links)])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(loaded.records.count == 1)
        #expect(!loaded.diagnostics.hasErrors)
        // Unsafe links are listed up to five times, the fifth saying how many more there are.
        let unsafe = loaded.diagnostics.filter { $0.code == .unsafeLink }
        #expect(unsafe.count <= BodyScan.maxPerKind)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "vbscript:msgbox", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
    ])
    func unsafeLinkTargetsAreNamed(url: String) {
        #expect(BodyScan.unsafeTarget(url, image: false) != nil)
    }

    @Test(arguments: ["https://example.gov.vn/", "http://a.b/c", "files/127-KH-UBND.pdf", "#dieu-7", "mailto:ubnd@example.vn", "tel:+84123"])
    func ordinaryLinkTargetsPass(url: String) {
        #expect(BodyScan.unsafeTarget(url, image: false) == nil)
    }

    // MARK: Dates and numbers

    @Test(arguments: [
        ("31/02/2024", "month 2 of 2024 has 29 days"), ("29/02/2023", "month 2 of 2023 has 28 days"),
        ("01/01/0000", "there is no year 0"), ("0000-01-01", "there is no year 0"), ("01/13/2024", "there is no month 13"),
        ("01/01/99999", "the year must have four digits"), ("ngày 31 tháng 02 năm 2024", "month 2 of 2024 has 29 days"),
    ])
    func impossibleDatesAreExplained(text: String, why: String) {
        #expect(DayParsing.parse(text) == nil)
        #expect(DayParsing.explain(text) == why)
    }

    @Test(arguments: ["9999999999999999999999/01/2024", "ngày 99999999999999999999 tháng 1 năm 2024", "--", "//", "ngày tháng năm", "2024-1-1-1", "١٢/٠١/٢٠٢٤"])
    func garbageDatesAreRejectedWithoutTrapping(text: String) {
        #expect(DayParsing.parse(text) == nil)
        _ = DayParsing.explain(text)
    }

    @Test func yearsOutsideTheRecordRangeAreRefusedEvenWhenTheyAreDays() {
        let loaded = Self.assemble([("documents/a.md", "---\ntitle: A\ntype: TB\ndate: 9999-12-31\n---\n")])
        #expect(loaded.diagnostics.map(\.code) == [.invalidDate])
        #expect(loaded.diagnostics.first?.location?.line == 4)
        #expect(loaded.diagnostics.first?.message.contains("9999") == true)
    }

    @Test(arguments: ["0/KH-UBND", "00/KH-UBND", "0000000/KH-UBND", "99999999999999999999/KH-UBND", "1/0000/QĐ-UBND",
                      "1/KH-", "1/-UBND", "1//KH-UBND", String(repeating: "1/", count: 1000) + "KH-UBND"])
    func malformedNumbersAreRefused(text: String) {
        #expect((try? DocumentNumber.parse(text).get()) == nil)
    }

    // MARK: Found by Scripts/fuzz.sh (the inputs are also in Fuzz/corpus/)

    @Test(arguments: [
        [0x34, 0x35, 0x2F, 0x7A, 0x44, 0x30, 0xBF, 0x2D, 0x7A, 0x09, 0x09, 0x09, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D] as [UInt8],
        Array("12/KH--UBND".utf8), Array("12/KH-UBND\t".utf8), Array("12/KH-\u{A0}UBND".utf8),
    ])
    func aNumberEitherFailsOrReadsBackFromItsCanonicalForm(bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard case .success(let parsed) = DocumentNumber.parse(text) else { return }
        #expect((try? DocumentNumber.parse(parsed.value.description).get().value) == parsed.value, "\(parsed.value)")
    }

    @Test func aTabInsideTheSymbolIsRefused() {
        #expect((try? DocumentNumber.parse("45/KH-UBND\t\t-VP").get()) == nil)
        #expect((try? DocumentNumber.parse("12/KH--UBND").get()) == nil)
    }
}
