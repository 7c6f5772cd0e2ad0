import Foundation
import Testing
@testable import Portal
#if canImport(Glibc)
import Glibc
#endif

/// Incremental (in-place) builds killed or starved of disk space: the site is always the previous
/// one or the new one, never a mix, and nothing temporary is left inside it.
@Suite("Interrupted incremental builds")
struct InterruptedUpdateTests {
    static let notice = "documents/2024/98-tb-ubnd.md"
    static let bodies = ["Ủy ban nhân dân xã thông báo lịch trực Tết.", "Ủy ban nhân dân xã thông báo lịch trực Tết Giáp Thìn, có sửa đổi."]

    /// Puts body `version` into the notice (the only change: the next build is incremental).
    static func write(body version: Int, in content: URL) throws {
        let file = content.appendingPathComponent(notice)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: bodies[1], with: bodies[0]).replacingOccurrences(of: bodies[0], with: bodies[version])
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Every entry beside the output that a build left (staging folders, journals), by name.
    static func leftovers(beside site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(site.lastPathComponent).") }
    }

    /// What every later build does first, under the output's lock.
    static func recover(_ site: URL) throws {
        let lock = try OutputLock.acquire(for: site)
        defer { lock.release() }
        SiteWriter.clearLeftovers(of: site)
    }

    /// The sites the body versions give, each built cleanly by the binary in a folder of its own.
    static func expectedSites(_ content: URL, in parent: URL, asOf: String) throws -> [[String: Data]] {
        var sites: [[String: Data]] = []
        for version in 0..<2 {
            try write(body: version, in: content)
            let folder = parent.appendingPathComponent("expected-\(version)/Site")
            let process = try InterruptedBuildTests.build(content, into: folder, asOf: asOf)
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
            sites.append(InterruptedBuildTests.tree(folder))
        }
        try #require(sites[0] != sites[1], "the two bodies must give different sites for the test to mean anything")
        return sites
    }

    @Test("a committed journal finishes on the next run; an uncommitted one is thrown away")
    func journalRecovery() throws {
        let content = try SnapshotBuildTests.settledContent()
        let parent = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let expected = try Self.expectedSites(content, in: parent, asOf: "2024-02-15")
        let changed = expected[1].filter { expected[0][$0.key] != $0.value }.map { (path: $0.key, data: $0.value) }
        try #require(!changed.isEmpty)

        let site = parent.appendingPathComponent("work/Site")
        try FileManager.default.createDirectory(at: site.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: parent.appendingPathComponent("expected-0/Site"), to: site)

        // Killed while writing the journal: no manifest, the site untouched, the journal removed.
        let uncommitted = UpdateJournal(beside: site)
        try uncommitted.stage(changed)
        try FileManager.default.removeItem(atPath: uncommitted.folder + "/manifest")
        #expect(!uncommitted.isCommitted)
        try Self.recover(site)
        #expect(InterruptedBuildTests.tree(site) == expected[0])
        #expect(try Self.leftovers(beside: site).isEmpty)

        // Killed after the commit, before any file moved, and after some moved: the next run
        // finishes the update.
        for moved in [0, changed.count / 2 + 1] {
            try FileManager.default.removeItem(at: site)
            try FileManager.default.copyItem(at: parent.appendingPathComponent("expected-0/Site"), to: site)
            let journal = UpdateJournal(beside: site)
            try journal.stage(changed)
            #expect(journal.isCommitted)
            for index in 0..<min(moved, changed.count) {
                #expect(rename(journal.folder + "/\(index)", site.path + "/" + changed[index].path) == 0)
            }
            #expect(InterruptedBuildTests.tree(site) != expected[1] || moved >= changed.count)
            try Self.recover(site)
            #expect(InterruptedBuildTests.tree(site) == expected[1], "\(moved) files moved before the kill")
            #expect(try Self.leftovers(beside: site).isEmpty)
        }
    }

    @Test("SIGKILL at random points of 20 incremental builds leaves the old or the new site, nothing temporary inside")
    func killedUpdates() throws {
        try #require(FileManager.default.isExecutableFile(atPath: InterruptedBuildTests.executable.path))
        let content = try SnapshotBuildTests.settledContent()
        let parent = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let asOf = "2024-02-15"
        let expected = try Self.expectedSites(content, in: parent, asOf: asOf)

        let site = parent.appendingPathComponent("work/Site")
        func build() throws -> Process { try InterruptedBuildTests.build(content, into: site, asOf: asOf) }
        func inode(_ url: URL) -> ino_t {
            var info = stat()
            return stat(url.path, &info) == 0 ? info.st_ino : 0
        }
        try Self.write(body: 0, in: content)
        let first = try build()
        first.waitUntilExit()
        try #require(first.terminationStatus == 0)

        // One uninterrupted edit, to time it and to see that it is the in-place kind (the site
        // folder stays the same folder: a full build swaps in a new one).
        let folder = inode(site)
        try Self.write(body: 1, in: content)
        let started = Date()
        let timed = try build()
        timed.waitUntilExit()
        let longest = Date().timeIntervalSince(started)
        try #require(timed.terminationStatus == 0)
        try #require(inode(site) == folder, "the edit of a body must be built in place for this test to mean anything")
        #expect(InterruptedBuildTests.tree(site) == expected[1])

        var generator = SystemRandomNumberGenerator()
        var killed = 0, journalsFinished = 0
        for round in 0..<20 {
            try Self.write(body: round % 2, in: content)
            let process = try build()
            usleep(UInt32(Double.random(in: 0...(longest * 1.1), using: &generator) * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let now = InterruptedBuildTests.tree(site)
            let committed = try Self.leftovers(beside: site).contains { UpdateJournal(folder: site.deletingLastPathComponent().path + "/" + $0).isCommitted }
            #expect(now == expected[0] || now == expected[1] || committed, "round \(round): a mix of old and new with no journal to finish it")
            #expect(!now.keys.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "round \(round): a hidden file inside the site")
            if committed { journalsFinished += 1 }
            try Self.recover(site)
            let recovered = InterruptedBuildTests.tree(site)
            #expect(recovered == expected[0] || recovered == expected[1], "round \(round): after recovery the site is neither old nor new")
            #expect(try Self.leftovers(beside: site).isEmpty)
        }
        #expect(killed > 0, "no build was killed: the timing of the test is off")

        let last = try build()
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(InterruptedBuildTests.tree(site) == expected[1])
    }

    @Test("a full disk during incremental builds leaves the old or the new site, nothing temporary inside or beside it",
          .enabled(if: geteuid() == 0, "mounting a small tmpfs needs root (CI runs as root)"))
    func fullDisk() throws {
        let content = try SnapshotBuildTests.settledContent()
        let parent = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let asOf = "2024-02-15"
        let expected = try Self.expectedSites(content, in: parent, asOf: asOf)

        let disk = parent.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.path]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "mount -t tmpfs failed")
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [disk.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        let site = disk.appendingPathComponent("Site")
        try Self.write(body: 0, in: content)
        try SnapshotBuildTests.build(content, into: site, asOf: asOf)
        #expect(InterruptedBuildTests.tree(site) == expected[0])

        // Fill the disk, then give back a little more room before each build.
        let filler = disk.appendingPathComponent("filler")
        let fd = open(filler.path, O_WRONLY | O_CREAT, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x2e, count: 65_536)
        var size = 0
        while true {
            let n = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            size += n
        }
        var failed = 0
        for (round, room) in [0, 4_096, 8_192, 16_384, 32_768, 65_536, 131_072, 262_144, 1_048_576].enumerated() {
            try #require(ftruncate(fd, off_t(max(0, size - room))) == 0)
            try Self.write(body: (round + 1) % 2, in: content)
            do {
                try SnapshotBuildTests.build(content, into: site, asOf: asOf)
            } catch {
                failed += 1
            }
            let now = InterruptedBuildTests.tree(site)
            #expect(now == expected[0] || now == expected[1], "\(room) bytes free: the site is neither the old one nor the new one")
            #expect(try Self.leftovers(beside: site).isEmpty, "\(room) bytes free: a staging folder or journal was left")
        }
        #expect(failed > 0, "the disk was never full: the test is off")
        try #require(ftruncate(fd, 0) == 0)
        try Self.write(body: 1, in: content)
        try SnapshotBuildTests.build(content, into: site, asOf: asOf)
        #expect(InterruptedBuildTests.tree(site) == expected[1])
    }
}
