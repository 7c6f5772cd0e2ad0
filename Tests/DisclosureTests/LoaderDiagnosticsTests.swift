import Foundation
import Testing
@testable import Disclosure

/// Each fixture under Fixtures/broken marks the diagnostics it must produce with a comment
/// `# expect: CODE[, CODE][@LINE]` (LINE defaults to the marker's own line). The loader must
/// report exactly the marked diagnostics: none missing, none extra.
@Suite struct LoaderDiagnosticsTests {
    static let brokenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/broken")

    struct Expected: Hashable, CustomStringConvertible {
        var file: String, line: Int, code: String
        var description: String { "\(file):\(line) \(code)" }
    }

    static func expectations() throws -> Set<Expected> {
        var result = Set<Expected>()
        let documents = brokenFolder.appendingPathComponent("documents")
        for name in try FileManager.default.contentsOfDirectory(atPath: documents.path) {
            let text = try String(contentsOf: documents.appendingPathComponent(name), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let range = line.range(of: "# expect: ") else { continue }
                var spec = String(line[range.upperBound...])
                var target = index + 1
                if let at = spec.firstIndex(of: "@") {
                    target = Int(spec[spec.index(after: at)...])!
                    spec = String(spec[..<at])
                }
                for code in spec.split(separator: ",") {
                    result.insert(Expected(file: "broken/documents/\(name)", line: target,
                                           code: code.trimmingCharacters(in: .whitespaces)))
                }
            }
        }
        return result
    }

    @Test func everyMarkedDiagnosticAndNoOther() throws {
        let content = ContentLoader.load(from: Self.brokenFolder.deletingLastPathComponent()
            .appendingPathComponent("broken"))
        let found = Set(content.diagnostics.compactMap { d -> Expected? in
            guard let l = d.location else { return nil }
            let file = l.file.components(separatedBy: "/").suffix(3).joined(separator: "/")
            return Expected(file: file, line: l.line, code: d.code.rawValue)
        })
        let expected = try Self.expectations()
        #expect(found.subtracting(expected).sorted { $0.description < $1.description } == [], "unexpected diagnostics")
        #expect(expected.subtracting(found).sorted { $0.description < $1.description } == [], "missing diagnostics")
        #expect(content.isUnreadable)
    }

    @Test func everyLoaderCodeIsCoveredByAFixtureOrAUnitTest() throws {
        let covered = Set(try Self.expectations().map(\.code))
        // Codes exercised by dedicated tests below rather than by a marked fixture.
        let elsewhere: Set<String> = ["not-utf8", "unreadable-file", "not-a-mapping", "missing-attachment",
                                      "invalid-site", "invalid-holidays", "no-records",
                                      // HostileContentTests: made in the test (50 MB files, symbolic links, FIFOs).
                                      "too-large", "outside-content"]
        let uncovered = DiagnosticCode.allCases.map(\.rawValue).filter { !covered.contains($0) && !elsewhere.contains($0) }
        #expect(uncovered == [])
    }

    @Test func theAcceptanceExampleGivesThreeDiagnosticsAndOtherRecordsStillLoad() throws {
        let content = ContentLoader.load(from: Self.brokenFolder)
        let own = content.diagnostics.filter { $0.location?.file.hasSuffix("three-problems.md") == true }
        #expect(own.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.invalidDate, .missingField, .unknownKey])
        #expect(own.allSatisfy { $0.location!.line > 0 })
        #expect(own.first { $0.code == .unknownKey }?.hint == "did you mean `signer`?")
        #expect(own.first { $0.code == .invalidDate }?.message.contains("“31/02/2024”") == true)
        #expect(content.records.contains { $0.title == "Kế hoạch A" })
        #expect(content.records.contains { $0.id == "2025-14-kh-ubnd" }, "the same number in another year is normal")
    }

    @Test func referencesResolveToRecordsOrStayCitations() throws {
        let content = ContentLoader.load(from: Self.brokenFolder)
        let report = try #require(content.records.first { $0.title == "Báo cáo có căn cứ" })
        #expect(report.references.map(\.target) == [nil, "2024-14-kh-ubnd", nil])
    }

    @Test func vietnameseKeyAliasesAreRead() throws {
        let content = ContentLoader.load(from: Self.brokenFolder)
        let record = try #require(content.records.first { $0.id == "2024-15-tb-ubnd" })
        #expect(record.title == "Dùng khóa tiếng Việt")
        #expect(record.date == Day(year: 2024, month: 7, day: 1))
    }

    @Test func encodingsAreCheckedBeforeParsing() {
        #expect((try? SourceText.decode(Data("---\ntitle: Thông báo\n---\n".utf8)).get()) != nil)
        let invalid = Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x0A, 0xC3, 0x28, 0x0A])
        guard case .failure(let problem) = SourceText.decode(invalid) else { Issue.record("accepted invalid UTF-8"); return }
        #expect(problem.code == .notUTF8)
        #expect(problem.line == 3)
        guard case .failure(let utf16) = SourceText.decode(Data([0xFF, 0xFE, 0x2D, 0x00])) else { Issue.record("accepted UTF-16"); return }
        #expect(utf16.message.contains("UTF-16"))
        let bom = Data([0xEF, 0xBB, 0xBF] + Array("---\n".utf8))
        #expect((try? SourceText.decode(bom).get()) == "---\n")
    }

    @Test func aMissingFolderIsOneClearError() {
        let content = ContentLoader.load(from: URL(fileURLWithPath: "/nonexistent/Content"))
        #expect(content.diagnostics.map(\.code) == [.unreadableFile])
    }

    @Test func siteSettingsAreValidated() {
        let (site, problems) = SiteParser.parse(text: """
            base_url: congkhai.example
            numbering: sometimes
            timezone: Mars/Olympus
            policy: [1, 2]
            """, file: "site.yml")
        #expect(problems.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.invalidSite, .invalidSite, .invalidSite, .notAMapping])
        #expect(problems.compactMap { $0.location?.line }.sorted() == [1, 2, 3, 4])
        #expect(site.numbering == .yearly)
    }

    @Test func crlfLineEndsAndBOMAreAccepted() {
        let text = "---\r\ntitle: Có CRLF\r\ndate: 2024-01-02\r\ntype: TB\r\n---\r\nNội dung\r\n"
        let content = ContentLoader.assemble(site: nil, documents: [SourceFile(path: "a.md", text: text)])
        #expect(content.diagnostics.isEmpty)
        #expect(content.records.first?.body == "Nội dung\n")
    }
}
