import Foundation
import Testing
@testable import Disclosure

/// `ContentLoader.markdownFiles(in:)`: the walk of `documents/` that finds the record files.
@Suite struct DocumentWalkTests {
    /// Paths compared as bytes: NFC and NFD spellings of one name are two files on Linux.
    static func bytes(_ paths: [String]) -> [[UInt8]] {
        paths.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func theWalkFindsMarkdownFilesAndSkipsHiddenNamesAndLinkedFolders() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        let fm = FileManager.default
        let documents = content.appendingPathComponent("documents")
        for folder in ["2024", "2024/q1", ".hidden", "Hồ sơ", "deep/a/b/c"] {
            try fm.createDirectory(at: documents.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let names = ["a.md", "B.MD", "c.Md", "d.markdown", "e.md.txt", ".f.md", "g.md\u{0301}", "Hồ sơ.md", "Ho\u{0302}\u{0300} so\u{031B}.md",
                     "x\u{0600}.md", "İ.MD", "md", ".md", "2024/h.md", "2024/q1/i.md", ".hidden/j.md", "Hồ sơ/k.md", "deep/a/b/c/l.md"]
        for name in names { try Data("x".utf8).write(to: documents.appendingPathComponent(name)) }
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("folder.md").path, withDestinationPath: "2024")
        #expect(mkfifo(documents.appendingPathComponent("pipe.md").path, 0o600) == 0)
        // A name that is not UTF-8 (Latin-1 "é").
        var bytes = Array(documents.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".md".utf8) + [0]
        let fd = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o600) }
        }
        #expect(fd >= 0)
        close(fd)

        let walked = ContentLoader.markdownFiles(in: documents)
        // Not found: names ending otherwise than in ".md" as characters (U+0600 joins the dot,
        // U+0301 the d) and the name that is not UTF-8.
        let expected = ["a.md", "B.MD", "c.Md", "Hồ sơ.md", "Ho\u{0302}\u{0300} so\u{031B}.md", "İ.MD",
                        "2024/h.md", "2024/q1/i.md", "Hồ sơ/k.md", "deep/a/b/c/l.md", "link.md", "dangling.md", "pipe.md"]
        #expect(Self.bytes(walked.files.map(\.path)) == Self.bytes(expected), "\(walked.files.map(\.path))")
        #expect(walked.skippedLinks.sorted() == ["folder.md", "up"])
        // Only what the walk saw as a regular file skips the link checks in `read`.
        let regular = Set(walked.files.filter(\.isRegular).map(\.path))
        #expect(!regular.contains("link.md") && !regular.contains("dangling.md") && !regular.contains("pipe.md"))
        #expect(regular.contains("a.md") && regular.contains("deep/a/b/c/l.md"))
    }

    @Test func aLinkedDocumentsFolderIsStillCheckedFileByFile() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        let fm = FileManager.default
        let outside = content.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data((HostileContentTests.header + "x\n").utf8).write(to: outside.appendingPathComponent("a.md"))
        try fm.removeItem(at: content.appendingPathComponent("documents"))
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("documents").path, withDestinationPath: outside.path)
        let loaded = ContentLoader.load(from: content)
        #expect(loaded.records.isEmpty)
        #expect(loaded.diagnostics.map(\.code) == [.outsideContent, .noRecords])
        #expect(loaded.diagnostics.first?.location?.file.hasSuffix("documents/a.md") == true)
    }
}
