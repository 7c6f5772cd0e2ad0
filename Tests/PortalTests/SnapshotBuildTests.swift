import Foundation
import Testing
import Disclosure
import Compliance
@testable import Portal

/// `build` after an edit, as the command runs it: from the snapshot when only record bodies or
/// private data changed (`IncrementalBuild`), in full otherwise. Either way the site must equal a
/// clean build of the same content byte for byte.
@Suite("Incremental builds from the snapshot")
struct SnapshotBuildTests {
    /// Builds as `congkhai build` does; `fromSnapshot` says which path ran.
    @discardableResult
    static func build(_ content: URL, into output: URL, asOf: String = "2024-02-15") throws -> (fromSnapshot: Bool, report: SiteWriter.Report) {
        let day = PortalFixture.day(asOf)
        let outcome = try SiteBuild.write(BuildRequest(content: content, shownAs: "Content") { _ in day }, into: output)
        return (outcome.loaded == nil, outcome.report)
    }

    /// A copy of the sample content whose files were last written an hour ago, so that their keys
    /// prove them unchanged (`FileKey.isSettled`), with `extra` more short notices (the feeds carry
    /// the 50 newest records: the sample alone has fewer).
    static func settledContent(extra: Int = 0) throws -> URL {
        let content = try PortalFixture.copyOfContent()
        let folder = content.appendingPathComponent("documents/2023")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for n in 0..<extra {
            let text = """
            ---
            number: "\(n + 1)/TB-UBND"
            title: "Thông báo số \(n + 1) về lịch tiếp công dân"
            date: 2023-\(String(format: "%02d", n % 12 + 1))-\(String(format: "%02d", n % 27 + 1))
            type: TB
            signer: "Nguyễn Văn An"
            ---

            Ủy ban nhân dân xã thông báo lịch tiếp công dân tháng \(n % 12 + 1) như sau.

            \(String(repeating: "Công dân có kiến nghị, phản ánh được tiếp theo thứ tự đăng ký. ", count: 8))

            Tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở Ủy ban.

            """
            try text.write(to: folder.appendingPathComponent("\(n + 1)-tb-ubnd.md"), atomically: true, encoding: .utf8)
        }
        // A recent notice, in the feeds, that gives no warning (the sample's records all give some).
        try """
        ---
        number: "98/TB-UBND"
        title: "Thông báo lịch trực Tết"
        date: 2024-02-14
        type: TB
        signer: "Nguyễn Văn An"
        ---

        Ủy ban nhân dân xã thông báo lịch trực Tết.

        ## Lịch trực

        Trực từ ngày 08/02 đến hết ngày 14/02/2024.

        """.write(to: content.appendingPathComponent("documents/2024/98-tb-ubnd.md"), atomically: true, encoding: .utf8)
        let past = Date(timeIntervalSinceNow: -3600)
        let files = FileManager.default.enumerator(atPath: content.path)!.compactMap { $0 as? String }
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: content.appendingPathComponent(file).path)
        }
        return content
    }

    /// The site's files but the cache (whose keys and times differ from build to build).
    static func tree(_ site: URL) -> [String: Data] { InterruptedBuildTests.tree(site) }

    static func expectSameAsClean(_ site: URL, content: URL, asOf: String = "2024-02-15") throws {
        let clean = content.deletingLastPathComponent().appendingPathComponent("Clean-\(UUID().uuidString.prefix(6))")
        defer { try? FileManager.default.removeItem(at: clean) }
        try Self.build(content, into: clean, asOf: asOf)
        let built = tree(site), expected = tree(clean)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected where built[path] != bytes {
            Issue.record("\(path) differs from a clean build")
        }
    }

    @Test("an edited body is rebuilt from the snapshot: its page and what shows the body change, nothing else")
    func bodyEdit() throws {
        let content = try Self.settledContent(extra: 60)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let site = content.deletingLastPathComponent().appendingPathComponent("Site")
        #expect(try Self.build(content, into: site).fromSnapshot == false)
        #expect(FileManager.default.fileExists(atPath: CacheFolder(for: site).path(BuildSnapshot.file)))

        // Nothing changed: nothing is read or written.
        let unchanged = try Self.build(content, into: site)
        #expect(unchanged.fromSnapshot)
        #expect(unchanged.report.written == 0)

        // The oldest notice, carried by no feed, gets a last paragraph: only its page changes.
        let old = content.appendingPathComponent("documents/2023/1-tb-ubnd.md")
        try IncrementalBuildTests.edit(old, replacing: "tại trụ sở Ủy ban.", with: "tại trụ sở Ủy ban.\n\nLịch có thể thay đổi.")
        let before = Self.tree(site)
        let edited = try Self.build(content, into: site)
        #expect(edited.fromSnapshot)
        #expect(edited.report.written == 1)
        let after = Self.tree(site)
        let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(changed == [SitePaths.record("2023-1-tb-ubnd")])
        try Self.expectSameAsClean(site, content: content)

        // Its first words change: the search index follows.
        try IncrementalBuildTests.edit(old, replacing: "Ủy ban nhân dân xã thông báo", with: "Ủy ban nhân dân xã Đông Sơn thông báo")
        let words = try Self.build(content, into: site)
        #expect(words.fromSnapshot)
        #expect(words.report.written == 2)
        try Self.expectSameAsClean(site, content: content)

        // A recent record's body is in the feeds: they follow too.
        let recentFile = try Self.file(containing: "98-tb", in: content)
        try IncrementalBuildTests.edit(recentFile, replacing: "\n## ", with: "\nMột đoạn mới ở đầu phần.\n\n## ")
        let recent = try Self.build(content, into: site)
        #expect(recent.fromSnapshot)
        #expect(recent.report.written > 2)
        try Self.expectSameAsClean(site, content: content)

        // Then its title: a full build, which trusts the page cache the edits above appended to.
        try IncrementalBuildTests.edit(recentFile, replacing: "title: ", with: "title: Sửa đổi – ")
        #expect(try Self.build(content, into: site).fromSnapshot == false)
        try Self.expectSameAsClean(site, content: content)
    }

    @Test("an edit outside the body, a new or removed record, a new day or theme: a full build")
    func otherEditsBuildInFull() throws {
        let content = try Self.settledContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let site = content.deletingLastPathComponent().appendingPathComponent("Site")
        try Self.build(content, into: site)

        let plan = try Self.file(containing: "127", in: content)
        try IncrementalBuildTests.edit(plan, replacing: "title: ", with: "title: Sửa đổi – ")
        #expect(try Self.build(content, into: site).fromSnapshot == false)
        try Self.expectSameAsClean(site, content: content)

        #expect(try Self.build(content, into: site, asOf: "2024-03-01").fromSnapshot == false)
        try Self.expectSameAsClean(site, content: content, asOf: "2024-03-01")

        let added = content.appendingPathComponent("documents/2024/99-tb-ubnd.md")
        try "---\nnumber: \"99/TB-UBND\"\ntitle: \"Thông báo mới\"\ndate: 2024-02-10\ntype: TB\n---\n\nNội dung.\n"
            .write(to: added, atomically: true, encoding: .utf8)
        #expect(try Self.build(content, into: site, asOf: "2024-03-01").fromSnapshot == false)
        try Self.expectSameAsClean(site, content: content, asOf: "2024-03-01")
        try FileManager.default.removeItem(at: added)
        #expect(try Self.build(content, into: site, asOf: "2024-03-01").fromSnapshot == false)
        try Self.expectSameAsClean(site, content: content, asOf: "2024-03-01")

        let templates = content.appendingPathComponent("theme/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let item = try #require(Theme.default.templates["record-item"])
        try (item + "\n").write(to: templates.appendingPathComponent("record-item.mustache"), atomically: true, encoding: .utf8)
        #expect(try Self.build(content, into: site, asOf: "2024-03-01").fromSnapshot == false)
        try Self.expectSameAsClean(site, content: content, asOf: "2024-03-01")
    }

    @Test("a private value edited: the site does not change, and the snapshot holds no private value")
    func privateEdit() throws {
        let content = try Self.settledContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let site = content.deletingLastPathComponent().appendingPathComponent("Site")
        let plan = try Self.file(containing: "98-tb", in: content)
        try IncrementalBuildTests.edit(plan, replacing: "\n---\n", with: "\nprivate:\n  phone: \"0912 345 678\"\n---\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: plan.path)
        try Self.build(content, into: site)
        try IncrementalBuildTests.edit(plan, replacing: "0912 345 678", with: "0987 654 321")
        let edited = try Self.build(content, into: site)
        #expect(edited.fromSnapshot)
        #expect(edited.report.written == 0)
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: CacheFolder(for: site).path(BuildSnapshot.file)))
        for secret in ["0912 345 678", "0987 654 321"] {
            #expect(snapshot.range(of: Data(secret.utf8)) == nil)
        }
        try Self.expectSameAsClean(site, content: content)
    }

    @Test("a damaged snapshot, or a file changed within the tick of the last build, is read in full")
    func distrust() throws {
        let content = try Self.settledContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let site = content.deletingLastPathComponent().appendingPathComponent("Site")
        try Self.build(content, into: site)
        let file = URL(fileURLWithPath: CacheFolder(for: site).path(BuildSnapshot.file))
        var bytes = try Data(contentsOf: file)
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: file)
        #expect(try Self.build(content, into: site).fromSnapshot == false)

        // A file written just before the build that read it: its key proves nothing, so the next
        // build parses it again (and finds only its body changed).
        let plan = try Self.file(containing: "98-tb", in: content)
        try IncrementalBuildTests.edit(plan, replacing: "\n## ", with: "\nĐoạn thêm.\n\n## ")
        #expect(try Self.build(content, into: site).fromSnapshot)
        let snapshot = try #require(BuildSnapshot.read(in: CacheFolder(for: site)))
        let digest = DocumentStamp.pathDigest("documents/2024/" + plan.lastPathComponent)
        let stamp = try #require(snapshot.documents.first { $0.pathDigest == digest })
        #expect(stamp.key?.isSettled(before: snapshot.readAt) == false)
        try Self.expectSameAsClean(site, content: content)
    }

    @Test("neither the site nor its cache holds a private value, an unpublished record's name or an absolute path")
    func nothingPrivateBesideTheSite() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let content = work.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: PortalFixture.contentFolder, to: content)
        try """
        ---
        title: "Hồ sơ nội bộ"
        type: BC
        date: 2024-02-03
        publish: false
        private:
          phone: "0912 345 678"
        ---
        Không được công bố.
        """.write(to: content.appendingPathComponent("documents/2024/ho-so-noi-bo-kin.md"), atomically: true, encoding: .utf8)
        try """
        ---
        number: "99/TB-UBND"
        title: "Thông báo có dữ liệu riêng"
        date: 2024-02-10
        private:
          citizen: "Trần Thị Riêng Tư"
        ---
        Nội dung công khai.
        """.write(to: content.appendingPathComponent("documents/2024/99-tb-ubnd.md"), atomically: true, encoding: .utf8)
        let old = Date(timeIntervalSinceNow: -3600)
        for file in try FileManager.default.subpathsOfDirectory(atPath: content.path) {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: content.appendingPathComponent(file).path)
        }
        let site = work.appendingPathComponent("Site")
        // An absolute --content, so that every path the build knows is absolute.
        _ = try SiteBuild.write(BuildRequest(content: content, shownAs: content.path) { _ in PortalFixture.day("2024-02-15") }, into: site)
        let loaded = ContentLoader.load(from: content)
        let secrets = loaded.records.flatMap { record in
            Array(record.privateFields.values) + record.comments.flatMap { Array($0.privateFields.values) }
        }
        let hidden = loaded.records.filter { !$0.isPublished }.map { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent }
        try #require(!secrets.isEmpty && !hidden.isEmpty)
        let cache = CacheFolder(for: site).url
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent(BuildSnapshot.file).path))
        for folder in [site, cache] {
            for (path, bytes) in InterruptedBuildTests.tree(folder) {
                for needle in secrets + hidden + [work.path, "/tmp/"] {
                    #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(folder.lastPathComponent)/\(path) holds “\(needle)”")
                }
            }
        }
    }

    static func file(containing name: String, in content: URL) throws -> URL {
        let folder = content.appendingPathComponent("documents/2024")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(name) }
        return folder.appendingPathComponent(try #require(files.first))
    }
}
