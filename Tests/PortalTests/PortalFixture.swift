import Foundation
import Testing
import Disclosure
import Compliance
import TestSupport
@testable import Portal

/// The sample content kept with the tests, and the repository found from this file so tests run from anywhere.
enum PortalFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let contentFolder = SampleContent.folder
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The posted draft: posted 05/02/2024 for 20 days, to 25/02 (a Sunday) → 26/02 under Art. 148(5).
    static let draftID = "du-thao-quy-che-dan-chu"
    /// Regulation 156/QC-UBND: 3 parts, 4 chapters, 24 articles.
    static let regulationID = "2024-156-qc-ubnd"

    static func day(_ text: String) -> Day { DayParsing.parse(text)! }

    static func load(_ folder: URL = contentFolder) -> LoadedContent {
        ContentLoader.load(from: folder)
    }

    /// Builds the site in memory, as `congkhai build --as-of` does.
    static func build(asOf: String, content folder: URL = contentFolder) throws -> BuiltSite {
        let content = load(folder)
        try #require(!content.isUnreadable, "the sample content must load: \(content.diagnostics.errors)")
        let attachments = Attachments.locate(for: content, in: folder)
        return try SiteBuilder(content: content, asOf: day(asOf), book: RuleBook(content: content),
                               attachments: attachments.files).build()
    }

    /// A copy of the sample content in a fresh temporary folder, to change freely.
    static func copyOfContent() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-portal-\(UUID().uuidString)")
        return try SampleContent.copy(into: folder)
    }
}

extension BuiltSite {
    func text(_ path: String) throws -> String {
        let file = try #require(files.first { $0.path == path }, "the site has no \(path)")
        return String(decoding: try #require(file.data), as: UTF8.self)
    }

    var paths: [String] { files.map(\.path) }
}

/// Compares output with `Tests/PortalTests/Golden/<name>`. With `CONGKHAI_RECORD_GOLDEN=1` in the
/// environment the golden file is rewritten instead (review the diff before committing it).
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = PortalFixture.goldenFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CONGKHAI_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: PortalFixture.goldenFolder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden file \(name): run CONGKHAI_RECORD_GOLDEN=1 swift test --filter PortalTests", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end of file>"
        let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end of file>"
        Issue.record("""
            \(name) differs from its golden file at line \(first + 1):
              golden: \(expectedLine)
              actual: \(actualLine)
            Re-record with CONGKHAI_RECORD_GOLDEN=1 swift test --filter PortalTests if the change is intended.
            """, sourceLocation: sourceLocation)
    }
}
