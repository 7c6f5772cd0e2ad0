import Foundation
import Testing
import TestSupport

/// The command line when the content holds what it must not read: a ledger that is a link or a
/// pipe, a folder nobody may list. `build`, `check` and `publish` exit 2 and name the path; no
/// target is published or appended to, the previous site stays, no ledger line is written.
/// The permission tests run the binary as `nobody` when the tests run as root (root reads
/// through chmod 000).
@Suite struct ContentReadsCLITests {
    /// A world-accessible folder holding a copy of the sample content, removed by the caller.
    static func workspace() throws -> (root: URL, content: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-reads-\(UUID().uuidString)", isDirectory: true)
        let content = try SampleContent.copy(into: root)
        #expect(chmod(root.path, 0o777) == 0)
        return (root, content)
    }

    static func remove(_ root: URL) {
        _ = Self.run(["chmod", "-R", "u+rwx", root.path], as: nil)
        try? FileManager.default.removeItem(at: root)
    }

    /// `congkhai` with `arguments`, as `nobody` when running as root; stdout and stderr together.
    static func congkhai(_ arguments: [String], asNobody: Bool = false) throws -> (status: Int32, output: String) {
        let binary = try #require(HostileCLITests.binary, "no congkhai binary beside \(CommandLine.arguments[0])")
        if asNobody && getuid() == 0 {
            return run(["/usr/sbin/runuser", "-u", "nobody", "--", binary.path] + arguments, as: nil)
        }
        return try HostileCLITests.run(arguments)
    }

    @discardableResult
    static func run(_ command: [String], as _: String?) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
        process.arguments = command[0].hasPrefix("/") ? Array(command.dropFirst()) : command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (-1, "cannot run \(command)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: The ledger

    @Test func aLedgerLinkedOutsideIsRefusedByBuildCheckAndPublish() throws {
        let (root, content) = try Self.workspace()
        defer { Self.remove(root) }
        let target = root.appendingPathComponent("shadow")
        let secret = "root:$6$not-for-the-portal:19000:0:99999:7:::\n"
        try Data(secret.utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("ledger.jsonl").path, withDestinationPath: target.path)
        let site = root.appendingPathComponent("Site")

        let build = try Self.congkhai(["build", "--content", content.path, "--as-of", "2024-02-15", "--output", site.path])
        #expect(build.status == 2, "\(build.output)")
        #expect(build.output.contains("ledger.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("so-cai/ledger.jsonl").path))

        let check = try Self.congkhai(["check", "--content", content.path, "--as-of", "2024-02-15"])
        #expect(check.status == 2, "\(check.output)")
        #expect(check.output.contains("ledger.jsonl"))

        let web = root.appendingPathComponent("www")
        let publish = try Self.congkhai(["publish", "--content", content.path, "--to", web.path, "--clock", "2024-02-15T08:00:00+07:00"])
        #expect(publish.status == 2, "\(publish.output)")
        #expect(try String(contentsOf: target, encoding: .utf8) == secret, "the link's target was appended to")
        #expect(!FileManager.default.fileExists(atPath: web.appendingPathComponent("so-cai/ledger.jsonl").path))
    }

    @Test func aLedgerFIFOEndsTheBuildWithAnError() throws {
        let (root, content) = try Self.workspace()
        defer { Self.remove(root) }
        #expect(mkfifo(content.appendingPathComponent("ledger.jsonl").path, 0o600) == 0)
        let build = try Self.congkhai(["build", "--content", content.path, "--as-of", "2024-02-15", "--output", root.appendingPathComponent("Site").path])
        #expect(build.status == 2, "\(build.output)")
        #expect(build.output.contains("ledger.jsonl"))
    }

    // MARK: Unreadable folders

    /// Builds the site and publishes once (as the test's user), makes `unreadable` unreadable, then
    /// runs build, check and publish as a user permissions apply to: each exits 2 naming it, and
    /// the site, the web root and the ledger are as they were.
    func refuses(unreadable relative: String) throws {
        let (root, content) = try Self.workspace()
        defer { Self.remove(root) }
        let site = root.appendingPathComponent("Site"), web = root.appendingPathComponent("www")
        let first = try Self.congkhai(["build", "--content", content.path, "--as-of", "2024-02-15", "--output", site.path])
        #expect(first.status == 0, "\(first.output)")
        let published = try Self.congkhai(["publish", "--content", content.path, "--to", web.path, "--clock", "2024-02-15T08:00:00+07:00"])
        #expect(published.status == 0, "\(published.output)")
        let ledgerURL = content.appendingPathComponent("ledger.jsonl")
        let ledger = try Data(contentsOf: ledgerURL)
        let pages = try Data(contentsOf: site.appendingPathComponent("index.html"))
        let webPages = try Data(contentsOf: web.appendingPathComponent("index.html"))
        // Everything writable by `nobody`, so only the one unreadable folder can stop it.
        Self.run(["chmod", "-R", "a+rwX", root.path], as: nil)
        let folder = content.appendingPathComponent(relative)
        #expect(chmod(folder.path, 0o000) == 0)

        let shown = relative.isEmpty ? content.path : content.path + "/" + relative
        for arguments in [["build", "--content", content.path, "--as-of", "2024-03-01", "--output", site.path],
                          ["check", "--content", content.path, "--as-of", "2024-03-01"],
                          ["publish", "--content", content.path, "--to", web.path, "--clock", "2024-03-01T08:00:00+07:00"]] {
            let result = try Self.congkhai(arguments, asNobody: true)
            #expect(result.status == 2, "\(arguments[0]): \(result.output)")
            #expect(result.output.contains(shown), "\(arguments[0]) does not name \(shown): \(result.output)")
            #expect(result.output.contains("permission denied"), "\(arguments[0]): \(result.output)")
        }
        #expect(chmod(folder.path, 0o755) == 0)
        #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == pages, "the previous site was replaced")
        #expect(try Data(contentsOf: web.appendingPathComponent("index.html")) == webPages, "the web root was replaced")
        #expect(try Data(contentsOf: ledgerURL) == ledger, "a ledger line was written")
    }

    @Test func anUnreadableYearFolderStopsBuildCheckAndPublish() throws {
        try refuses(unreadable: "documents/2024")
    }

    @Test func anUnreadableDocumentsFolderStopsBuildCheckAndPublish() throws {
        try refuses(unreadable: "documents")
    }

    @Test func anUnreadableContentFolderStopsBuildCheckAndPublish() throws {
        try refuses(unreadable: "")
    }
}
