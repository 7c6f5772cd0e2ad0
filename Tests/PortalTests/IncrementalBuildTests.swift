import Foundation
import Testing
import Disclosure
import Compliance
@testable import Portal

/// Incremental builds (the page cache beside the output, `CacheFolder`) give the same bytes as clean builds,
/// and render only the pages whose view changed.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// Builds `content` into `output` as `congkhai build` does: lock, cache, build, write.
    @discardableResult
    static func build(_ content: URL, into output: URL, asOf: String = "2024-02-15") throws -> (site: BuiltSite, reused: Int, report: SiteWriter.Report) {
        let loaded = ContentLoader.load(from: content)
        try #require(!loaded.isUnreadable, "\(loaded.diagnostics.errors)")
        let lock = try OutputLock.acquire(for: output)
        defer { lock.release() }
        let cache = PageCache(output: output, theme: .default)
        let site = try SiteBuilder(content: loaded, asOf: PortalFixture.day(asOf), book: RuleBook(content: loaded),
                                   attachments: Attachments.locate(for: loaded, in: content).files).build(progress: nil, cache: cache)
        let report = try SiteWriter.write(site.files, to: output, holding: lock)
        try cache.write()
        return (site, cache.reused, report)
    }

    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(old), "\(file.lastPathComponent) has no “\(old)”")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("after one record changes, an incremental build equals a clean build byte for byte")
    func incrementalEqualsClean() throws {
        let content = try PortalFixture.copyOfContent()
        let parent = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let first = try Self.build(content, into: site)
        #expect(first.reused == 0)

        // Nothing changed: every page is reused, and the site is the same.
        let before = InterruptedBuildTests.tree(site)
        let again = try Self.build(content, into: site)
        #expect(again.reused == first.site.pages)
        #expect(InterruptedBuildTests.tree(site) == before)

        // The plan 127/KH-UBND gets a new title: its page, the lists that show it and the pages
        // that cite it change; the rest is reused.
        let plan = content.appendingPathComponent("documents/2024")
        let files = try FileManager.default.contentsOfDirectory(atPath: plan.path).filter { $0.contains("127") }
        let planFile = plan.appendingPathComponent(try #require(files.first))
        try Self.edit(planFile, replacing: "title: ", with: "title: Sửa đổi – ")
        let incremental = try Self.build(content, into: site)
        #expect(incremental.reused > 0)
        #expect(incremental.reused < first.site.pages)

        let clean = parent.appendingPathComponent("Clean")
        try Self.build(content, into: clean)
        let incrementalTree = InterruptedBuildTests.tree(site)
        let cleanTree = InterruptedBuildTests.tree(clean)
        #expect(incrementalTree.keys.sorted() == cleanTree.keys.sorted())
        for (path, bytes) in cleanTree where incrementalTree[path] != bytes {
            Issue.record("\(path) differs between the incremental and the clean build")
        }
        #expect(try String(contentsOf: site.appendingPathComponent(SitePaths.record("2024-127-kh-ubnd")), encoding: .utf8).contains("Sửa đổi – "))
        // The cache sits beside the site, never inside it.
        #expect(FileManager.default.fileExists(atPath: CacheFolder(for: site).path(PageCache.file)))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".congkhai-cache").path))
    }

    @Test("a changed build day re-renders what shows the day, and still equals a clean build")
    func newDayEqualsClean() throws {
        let content = try PortalFixture.copyOfContent()
        let parent = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try Self.build(content, into: site, asOf: "2024-02-15")
        try Self.build(content, into: site, asOf: "2024-03-01")
        let clean = parent.appendingPathComponent("Clean")
        try Self.build(content, into: clean, asOf: "2024-03-01")
        #expect(InterruptedBuildTests.tree(site) == InterruptedBuildTests.tree(clean))
    }

    @Test("a stale or damaged cache costs a full render, never a wrong page")
    func damagedCache() throws {
        let content = try PortalFixture.copyOfContent()
        let parent = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try Self.build(content, into: site)
        let cacheFile = URL(fileURLWithPath: CacheFolder(for: site).path(PageCache.file))
        try Data("congkhai-pages 1 0-0\nnot a line\n".utf8).write(to: cacheFile)
        let rebuilt = try Self.build(content, into: site)
        #expect(rebuilt.reused == 0)
        let clean = parent.appendingPathComponent("Clean")
        try Self.build(content, into: clean)
        #expect(InterruptedBuildTests.tree(site) == InterruptedBuildTests.tree(clean))
    }
}
