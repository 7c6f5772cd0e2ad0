import Foundation
import Testing
@testable import Disclosure
#if canImport(Glibc)
import Glibc
#endif

/// `ContentFile`, the one open of content files: no link followed, no FIFO waited on, the size
/// checked on the descriptor. And the walk and the loader: a folder that cannot be listed and a
/// ledger that is a link, a pipe or too large are errors, never an empty result.
@Suite struct ContentFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-open-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aRegularFileIsReadFromItsDescriptor() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("xin chào\n".utf8).write(to: dir.appendingPathComponent("a.md"))
        #expect(try ContentFile.bytes(at: dir.appendingPathComponent("a.md").path, limit: 100).get() == Array("xin chào\n".utf8))
        #expect(ContentFile.bytes(at: dir.appendingPathComponent("none.md").path, limit: 100) == .failure(.missing))
    }

    /// A record swapped for a link after the walk saw a regular file: the open itself refuses it.
    @Test func aLinkIsRefusedByTheOpenItself() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret")
        try Data("root:x:0:0\n".utf8).write(to: secret)
        let link = dir.appendingPathComponent("a.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: secret.path)
        #expect(ContentFile.bytes(at: link.path, limit: 1000) == .failure(.link))
        guard case .failure(let problem) = SourceText.decode(path: link.path) else {
            Issue.record("a link was read")
            return
        }
        #expect(problem.code == .outsideContent)
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipe = dir.appendingPathComponent("p")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(ContentFile.bytes(at: pipe.path, limit: 1000) == .failure(.notRegular))
        #expect(ContentFile.bytes(at: dir.path, limit: 1000) == .failure(.notRegular))
    }

    @Test func theSizeLimitIsCheckedOnTheDescriptor() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big")
        try Data(repeating: 0x41, count: 101).write(to: file)
        #expect(ContentFile.bytes(at: file.path, limit: 100) == .failure(.tooLarge(bytes: 101)))
        #expect(try ContentFile.bytes(at: file.path, limit: 101).get().count == 101)
    }

    @Test func aCopyComesFromTheCheckedDescriptorAndRefusesALink() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("a.pdf")
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: source)
        try ContentFile.copy(source.path, to: dir.appendingPathComponent("b.pdf").path)
        #expect(try Data(contentsOf: dir.appendingPathComponent("b.pdf")) == Data(bytes))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("c.pdf").path, withDestinationPath: source.path)
        #expect(throws: ContentFile.Failure.link) { try ContentFile.copy(dir.appendingPathComponent("c.pdf").path, to: dir.appendingPathComponent("d.pdf").path) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.pdf").path))
    }

    // MARK: The ledger

    @Test func aLinkedLedgerIsAnErrorAndItsTargetIsNotRead() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        let outside = content.deletingLastPathComponent().appendingPathComponent("shadow")
        try Data("root:$6$secret\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("ledger.jsonl").path, withDestinationPath: outside.path)
        let loaded = ContentLoader.load(from: content)
        #expect(loaded.ledger == nil)
        let refused = try #require(loaded.diagnostics.first { $0.location?.file.hasSuffix("ledger.jsonl") == true })
        #expect(refused.severity == .error && refused.code == .outsideContent)
        #expect(loaded.isUnreadable)
    }

    @Test func aLedgerFIFODoesNotHang() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        #expect(mkfifo(content.appendingPathComponent("ledger.jsonl").path, 0o600) == 0)
        let loaded = ContentLoader.load(from: content)
        #expect(loaded.ledger == nil)
        #expect(loaded.diagnostics.contains { $0.severity == .error && $0.location?.file.hasSuffix("ledger.jsonl") == true })
    }

    @Test func aLedgerOverItsLimitIsRefused() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        let ledger = content.appendingPathComponent("ledger.jsonl")
        #expect(FileManager.default.createFile(atPath: ledger.path, contents: nil))
        #expect(truncate(ledger.path, off_t(ContentLimits.maxLedgerBytes + 1)) == 0)  // sparse: no disk used
        let loaded = ContentLoader.load(from: content)
        #expect(loaded.ledger == nil)
        #expect(loaded.diagnostics.contains { $0.code == .tooLarge && $0.location?.file.hasSuffix("ledger.jsonl") == true })
    }

    // MARK: Unreadable folders

    /// Runs `body` unable to bypass permissions: as root (the tests' usual user here) the calling
    /// thread's file-system user becomes `nobody`, which drops root's override of file modes for
    /// this thread only; otherwise permissions already apply.
    static func withoutRootOverride<T>(_ body: () throws -> T) rethrows -> T {
        // `setfsuid` is not in the Glibc module: found by name (RTLD_DEFAULT is a null handle on glibc).
        guard getuid() == 0, let symbol = dlsym(nil, "setfsuid") else { return try body() }
        let setfsuid = unsafeBitCast(symbol, to: (@convention(c) (UInt32) -> Int32).self)
        _ = setfsuid(65534)
        defer { _ = setfsuid(0) }
        return try body()
    }

    @Test func theWalkReportsAnUnreadableFolderInsteadOfAnEmptyOne() throws {
        let content = try HostileContentTests.temporaryContent()
        defer {
            chmod(content.appendingPathComponent("documents/2024").path, 0o755)
            HostileContentTests.remove(content)
        }
        let year = content.appendingPathComponent("documents/2024")
        try FileManager.default.createDirectory(at: year, withIntermediateDirectories: true)
        try Data((HostileContentTests.header + "x\n").utf8).write(to: year.appendingPathComponent("a.md"))
        try Data((HostileContentTests.header + "y\n").utf8).write(to: content.appendingPathComponent("documents/b.md"))
        #expect(chmod(year.path, 0o000) == 0)

        let walked = Self.withoutRootOverride { ContentLoader.markdownFiles(in: content.appendingPathComponent("documents")) }
        #expect(walked.files.map(\.path) == ["b.md"])
        #expect(walked.unreadable.map(\.path) == ["2024"])
        #expect(walked.unreadable.first?.problem.errno == EACCES)

        let loaded = Self.withoutRootOverride { ContentLoader.load(from: content) }
        let refused = try #require(loaded.diagnostics.first { $0.code == .unreadableFile })
        #expect(refused.severity == .error)
        #expect(refused.location?.file.hasSuffix("Content/documents/2024") == true)
        #expect(refused.message.hasPrefix("không có quyền đọc / permission denied"))
        #expect(loaded.isUnreadable)
        #expect(Self.withoutRootOverride { ContentLoader.plainDocumentPaths(in: content) } == nil)
    }

    @Test func anUnreadableContentFolderIsAnError() throws {
        let content = try HostileContentTests.temporaryContent()
        defer {
            chmod(content.path, 0o755)
            HostileContentTests.remove(content)
        }
        #expect(chmod(content.path, 0o000) == 0)
        let loaded = Self.withoutRootOverride { ContentLoader.load(from: content) }
        #expect(loaded.isUnreadable)
        #expect(loaded.diagnostics.map(\.code) == [.unreadableFile])
        #expect(loaded.diagnostics.first?.message.hasPrefix("không có quyền đọc / permission denied") == true)
    }
}
