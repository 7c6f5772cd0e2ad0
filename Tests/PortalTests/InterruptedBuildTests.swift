import Foundation
import Testing
@testable import Portal
#if canImport(Glibc)
import Glibc
#endif

/// `congkhai build` killed with SIGKILL at random moments: the output is always one complete site
/// (the previous or the new one, never a mix), and the next build leaves no staging folder behind.
@Suite("Interrupted builds")
struct InterruptedBuildTests {
    /// The `congkhai` executable `swift test` built beside the test bundle.
    static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // The tests run from <build>/debug/congkhaiPackageTests.xctest (a file on Linux, a bundle elsewhere).
        while folder.path != "/" && !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("congkhai").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("congkhai")
    }

    /// Every file of a built site, path → bytes, without the cache (which may hold other builds' entries).
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix(".congkhai-cache") { continue }
            let full = base + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    static func build(_ content: URL, into output: URL, asOf: String) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--content", content.path, "--output", output.path, "--as-of", asOf, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("SIGKILL at random points leaves the old or the new site whole, and no leftovers after the next build")
    func killedBuilds() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path),
                     "congkhai must be built beside the tests (swift test builds it): \(Self.executable.path)")
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-killed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let days = ["2024-02-15", "2024-03-01"]

        // The two complete sites a build may leave, built cleanly in folders of their own.
        var expected: [[String: Data]] = []
        var longest = 0.0
        for (index, day) in days.enumerated() {
            let started = Date()
            let process = try Self.build(PortalFixture.contentFolder, into: parent.appendingPathComponent("expected-\(index)/Site"), asOf: day)
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
            longest = max(longest, Date().timeIntervalSince(started))
            expected.append(Self.tree(parent.appendingPathComponent("expected-\(index)/Site")))
        }
        #expect(expected[0] != expected[1], "the two days must give different sites for the test to mean anything")

        let work = parent.appendingPathComponent("work")
        let site = work.appendingPathComponent("Site")
        let first = try Self.build(PortalFixture.contentFolder, into: site, asOf: days[0])
        first.waitUntilExit()
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<12 {
            let process = try Self.build(PortalFixture.contentFolder, into: site, asOf: days[(round + 1) % 2])
            usleep(UInt32(Double.random(in: 0...(longest * 1.2), using: &generator) * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let now = Self.tree(site)
            #expect(now == expected[0] || now == expected[1], "round \(round): the site is neither the old one nor the new one")
        }
        #expect(killed > 0, "no build was killed: the timing of the test is off")

        let last = try Self.build(PortalFixture.contentFolder, into: site, asOf: days[1])
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(Self.tree(site) == expected[1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0 != ".congkhai-cache" } == ["Site"])
    }

    @Test("two builds started together on one output both finish, one after the other, leaving one whole site")
    func concurrentBuilds() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path))
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-concurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let a = try Self.build(PortalFixture.contentFolder, into: site, asOf: "2024-02-15")
        let b = try Self.build(PortalFixture.contentFolder, into: site, asOf: "2024-02-15")
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0)
        #expect(b.terminationStatus == 0)
        let reference = parent.appendingPathComponent("reference/Site")
        let c = try Self.build(PortalFixture.contentFolder, into: reference, asOf: "2024-02-15")
        c.waitUntilExit()
        #expect(Self.tree(site) == Self.tree(reference))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != ".congkhai-cache" }.sorted() == ["Site", "reference"])
    }
}
