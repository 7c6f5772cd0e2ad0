import Foundation
import Testing
@testable import Portal
#if canImport(Glibc)
import Glibc
#endif

/// The atomic writer: whole sites swapped in, unchanged files reused, leftovers of killed builds
/// removed, one build at a time per output folder.
@Suite("Site writer")
struct WriterTests {
    private static func freshParent() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent
    }

    private static func inode(_ url: URL) -> UInt64? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    @Test("a second write replaces the site whole: new files in, vanished files out")
    func replacesWholeSite() throws {
        let parent = try Self.freshParent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile("index.html", Data("one\n".utf8)), OutputFile("a/old.html", Data("old\n".utf8))], to: site)
        try SiteWriter.write([OutputFile("index.html", Data("two\n".utf8)), OutputFile("b/new.html", Data("new\n".utf8))], to: site)
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two\n")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("b/new.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("a/old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test("files with unchanged bytes are linked from the previous site, changed ones written")
    func unchangedFilesAreReused() throws {
        let parent = try Self.freshParent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile("index.html", Data("home\n".utf8)), OutputFile("x/page.html", Data("same\n".utf8)),
                              OutputFile("x/other.html", Data("abcd\n".utf8))], to: site)
        let before = try #require(Self.inode(site.appendingPathComponent("x/page.html")))
        let changedBefore = try #require(Self.inode(site.appendingPathComponent("x/other.html")))

        // Same size, different bytes: must be written, not linked.
        let report = try SiteWriter.write([OutputFile("index.html", Data("home\n".utf8)), OutputFile("x/page.html", Data("same\n".utf8)),
                                           OutputFile("x/other.html", Data("wxyz\n".utf8))], to: site)
        #expect(report.reused == 2)
        #expect(report.written == 1)
        #expect(Self.inode(site.appendingPathComponent("x/page.html")) == before)
        #expect(Self.inode(site.appendingPathComponent("x/other.html")) != changedBefore)
        #expect(try String(contentsOf: site.appendingPathComponent("x/other.html"), encoding: .utf8) == "wxyz\n")
    }

    @Test("an empty output folder is filled and swapped like a missing one; a site in it is still linked from")
    func emptyOutputFolder() throws {
        let parent = try Self.freshParent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: false)
        let files = [OutputFile("index.html", Data("home\n".utf8)), OutputFile("x/page.html", Data("same\n".utf8))]
        let first = try SiteWriter.write(files, to: site)
        #expect(first.written == 2 && first.reused == 0)
        #expect(try String(contentsOf: site.appendingPathComponent("x/page.html"), encoding: .utf8) == "same\n")
        let again = try SiteWriter.write(files, to: site)
        #expect(again.written == 0 && again.reused == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test("staging folders left by a killed build are removed by the next write")
    func leftoversAreRemoved() throws {
        let parent = try Self.freshParent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile("index.html", Data("one\n".utf8))], to: site)
        // What a build killed while writing, or while deleting the old site, leaves behind.
        for name in [".Site.building-4242-deadbeef", ".Site.building-77-cafe0000-old"] {
            let stray = parent.appendingPathComponent(name).appendingPathComponent("van-ban/x")
            try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
            try Data("half\n".utf8).write(to: stray.appendingPathComponent("index.html"))
        }
        // Another site's staging folder in the same parent is not ours to remove.
        let neighbour = parent.appendingPathComponent(".Other.building-1-aaaa")
        try FileManager.default.createDirectory(at: neighbour, withIntermediateDirectories: true)
        try SiteWriter.write([OutputFile("index.html", Data("two\n".utf8))], to: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".Other.building-1-aaaa", "Site"])
    }

    @Test("a second build on the same output waits for the first one's lock")
    func secondBuildWaits() async throws {
        let parent = try Self.freshParent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let first = try OutputLock.acquire(for: site)
        let waited = ProgressCounter()
        let finished = ProgressCounter()
        let task = Task.detached {
            let second = try OutputLock.acquire(for: site) { _ in _ = waited.add(1) }
            _ = finished.add(1)
            second.release()
        }
        // The second acquirer reports that it waits and does not get the lock while the first holds it.
        for _ in 0..<200 where waited.value == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(waited.value == 1)
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(finished.value == 0)
        first.release()
        try await task.value
        #expect(finished.value == 1)
    }

    @Test("the writer refuses to replace a folder that is not a site")
    func refusesNonSite() throws {
        let parent = try Self.freshParent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let project = parent.appendingPathComponent("Project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: project.appendingPathComponent("notes.txt"))
        #expect(throws: SiteWriterError.self) {
            try SiteWriter.write([OutputFile("index.html", Data("x\n".utf8))], to: project)
        }
        #expect(try String(contentsOf: project.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me\n")
    }
}
