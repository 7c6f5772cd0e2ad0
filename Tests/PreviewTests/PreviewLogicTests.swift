import Foundation
import Testing
@testable import Preview

@Suite("Preview: paths, debouncing, change sources")
struct PreviewLogicTests {
    @Test("URL paths map to files inside the site, never outside", arguments: [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/van-ban/du-thao/", "van-ban/du-thao/index.html"),
        ("/tep/files/so-do.png", "tep/files/so-do.png"),
        ("/tep/files/b%E1%BA%A3n%20tin.pdf", "tep/files/bản tin.pdf"),
        ("/luu-tru/?q=1", "luu-tru/index.html"),
        ("/./assets//site.css", "assets/site.css"),
    ] as [(String, String)])
    func paths(url: String, file: String) {
        #expect(RequestPath.file(for: url) == file)
    }

    @Test("paths that try to leave the site or name a hidden file are refused", arguments: [
        "/../etc/passwd", "/a/%2e%2e/%2e%2e/x", "/a/..", "/x%00y",
        "/../.congkhai-cache/Site/records.bin", "/.congkhai-cache/Site/pages.tsv", "/%2Econgkhai-cache/x",
        "/van-ban/.index.html.congkhai-41", "/.git/config",
    ])
    func escapes(url: String) {
        #expect(RequestPath.file(for: url) == nil)
    }

    @Test("the record behind a page: its own page and its print view only")
    func recordIDs() {
        #expect(RequestPath.recordID(of: "van-ban/2024-127-kh-ubnd/index.html") == "2024-127-kh-ubnd")
        #expect(RequestPath.recordID(of: "van-ban/2024-127-kh-ubnd/in/index.html") == "2024-127-kh-ubnd")
        #expect(RequestPath.recordID(of: "van-ban/2024-127-kh-ubnd/in/qr.png") == nil)
        #expect(RequestPath.recordID(of: "luu-tru/index.html") == nil)
        #expect(RequestPath.recordID(of: "index.html") == nil)
    }

    @Test("content types by extension")
    func contentTypes() {
        #expect(RequestPath.contentType(of: "a/index.html") == "text/html; charset=utf-8")
        #expect(RequestPath.contentType(of: "van-ban/x/in/qr.png") == "image/png")
        #expect(RequestPath.contentType(of: "calendar.ics") == "text/calendar; charset=utf-8")
        #expect(RequestPath.contentType(of: "noextension") == "application/octet-stream")
    }

    @Test("a burst of changes gives one rebuild, after the quiet period")
    func debounceBurst() {
        let t0 = ContinuousClock().now
        var debouncer = ChangeDebouncer(quiet: .milliseconds(100), maximumDelay: .seconds(1))
        var due = debouncer.takeDue(at: t0)
        #expect(!due, "nothing changed: nothing to do")
        debouncer.noteChange(at: t0)
        debouncer.noteChange(at: t0 + .milliseconds(60))
        due = debouncer.takeDue(at: t0 + .milliseconds(120))
        #expect(!due, "only 60 ms quiet")
        due = debouncer.takeDue(at: t0 + .milliseconds(160))
        #expect(due)
        due = debouncer.takeDue(at: t0 + .milliseconds(400))
        #expect(!due, "the burst was taken once")
        #expect(!debouncer.isPending)
    }

    @Test("a change that never goes quiet still rebuilds after the maximum delay")
    func debounceMaximum() {
        let t0 = ContinuousClock().now
        var debouncer = ChangeDebouncer(quiet: .milliseconds(100), maximumDelay: .milliseconds(500))
        var due: [Int] = []
        for ms in stride(from: 0, through: 1100, by: 50) {
            debouncer.noteChange(at: t0 + .milliseconds(ms))
            if debouncer.takeDue(at: t0 + .milliseconds(ms)) { due.append(ms) }
        }
        // The second burst starts at 550, just after the first was taken.
        #expect(due == [500, 1050])
    }

    @Test("editor droppings do not trigger rebuilds", arguments: [
        ("documents/2024/a.md", true), ("site.yml", true), ("theme/templates/record.mustache", true), ("", true),
        ("documents/.a.md.swp", false), ("documents/a.md~", false), ("documents/4913", false),
        ("documents/#a.md#", false), (".DS_Store", false), ("documents/a.md.tmp", false),
    ] as [(String, Bool)])
    func filter(name: String, relevant: Bool) {
        #expect(ChangeFilter.isRelevant(name) == relevant)
    }

    @Test("raw inotify events are parsed from the kernel's buffer layout")
    func inotifyParsing() {
        func event(_ wd: Int32, _ mask: UInt32, _ name: String, padTo: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for value in [UInt32(bitPattern: wd), mask, 0, UInt32(padTo)] {
                withUnsafeBytes(of: value) { bytes += $0 }
            }
            let nameBytes = Array(name.utf8)
            return bytes + nameBytes + [UInt8](repeating: 0, count: padTo - nameBytes.count)
        }
        let buffer = event(1, 0x2, "a.md", padTo: 16) + event(2, 0x100, "", padTo: 0) + event(3, 0x8, "tệp.md", padTo: 16)
        let events = InotifyEvent.parse(buffer + [1, 2, 3]) // a cut-off tail is ignored
        #expect(events == [
            InotifyEvent(watch: 1, mask: 0x2, name: "a.md"),
            InotifyEvent(watch: 2, mask: 0x100, name: ""),
            InotifyEvent(watch: 3, mask: 0x8, name: "tệp.md"),
        ])
    }

    @Test("polling compares snapshots: added, changed and removed files")
    func pollingDifference() {
        let t = Date(timeIntervalSince1970: 1_700_000_000)
        let old = ["a.md": PollingChangeSource.FileStamp(size: 10, modified: t), "b.md": .init(size: 5, modified: t), "c.md": .init(size: 1, modified: t)]
        let new = ["a.md": PollingChangeSource.FileStamp(size: 10, modified: t), "b.md": .init(size: 5, modified: t + 1), "d.md": .init(size: 1, modified: t)]
        #expect(PollingChangeSource.difference(from: old, to: new) == ["b.md", "c.md", "d.md"])
        #expect(PollingChangeSource.difference(from: old, to: old).isEmpty)
    }

    @Test("inotify reports a save, a new folder and a file written into it", .enabled(if: InotifyProbe.available))
    func inotifyWatchesSubfolders() async throws {
        let root = try TemporaryFolder()
        try FileManager.default.createDirectory(at: root.url.appendingPathComponent("documents/2024"), withIntermediateDirectories: true)
        let source = try #require(InotifyChangeSource(root: root.url))
        #expect(source.changes().isEmpty)

        try Data("a".utf8).write(to: root.url.appendingPathComponent("documents/2024/a.md"))
        #expect(try await collect(source).contains("documents/2024/a.md"))

        try FileManager.default.createDirectory(at: root.url.appendingPathComponent("documents/2025"), withIntermediateDirectories: true)
        #expect(try await collect(source).contains("documents/2025"))
        try Data("b".utf8).write(to: root.url.appendingPathComponent("documents/2025/b.md"))
        #expect(try await collect(source).contains("documents/2025/b.md"), "the new folder is watched too")
    }

    @Test("polling reports a changed file")
    func pollingSource() async throws {
        let root = try TemporaryFolder()
        try Data("a".utf8).write(to: root.url.appendingPathComponent("a.md"))
        let source = PollingChangeSource(root: root.url)
        #expect(source.changes().isEmpty)
        try Data("longer".utf8).write(to: root.url.appendingPathComponent("a.md"))
        #expect(source.changes() == ["a.md"])
    }

    /// Everything a source reports over a short while.
    private func collect(_ source: some ChangeSource) async throws -> [String] {
        var names: [String] = []
        for _ in 0..<20 {
            names += source.changes()
            if !names.isEmpty { try await Task.sleep(for: .milliseconds(50)); return names + source.changes() }
            try await Task.sleep(for: .milliseconds(50))
        }
        return names
    }
}

enum InotifyProbe {
    static var available: Bool {
        #if canImport(Glibc)
        return true
        #else
        return false
        #endif
    }
}

/// A fresh folder under the temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-preview-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
