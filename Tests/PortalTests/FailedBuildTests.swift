import Foundation
import Testing
@testable import Portal

/// A build that fails while writing must leave the previous site exactly as it was.
@Suite("Failed builds")
struct FailedBuildTests {
    @Test("a write that fails half-way keeps the old site and leaves no staging folder")
    func failedWriteKeepsOldSite() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-failed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile("index.html", Data("old home\n".utf8)),
                              OutputFile("van-ban/a/index.html", Data("old record\n".utf8))], to: site)

        // The second file cannot be copied: the writer throws after writing the first.
        let missing = parent.appendingPathComponent("no-such-attachment.pdf")
        #expect(throws: (any Error).self) {
            try SiteWriter.write([OutputFile("index.html", Data("new home\n".utf8)),
                                  OutputFile("tep/x.pdf", copying: missing)], to: site)
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "old home\n")
        #expect(try String(contentsOf: site.appendingPathComponent("van-ban/a/index.html"), encoding: .utf8) == "old record\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test("bad content never reaches the writer: the sample with a broken record does not load")
    func unreadableContentIsRefused() throws {
        let content = try PortalFixture.copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try "---\ntitle: [unclosed\n---\n".write(to: content.appendingPathComponent("documents/2024/broken.md"), atomically: true, encoding: .utf8)
        let loaded = PortalFixture.load(content)
        #expect(loaded.isUnreadable)
        // YAML reports the unclosed sequence where it expected the `]`: the line after it.
        #expect(loaded.diagnostics.errors.contains { $0.code == .malformedYAML && $0.location?.file.hasSuffix("broken.md") == true && $0.location?.line == 3 })
    }
}
