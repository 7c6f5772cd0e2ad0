import Foundation
import Testing

/// The command line over hostile content: unreadable content gives
/// `file:line` diagnostics and exit 2 from `check` and `build`, and `build` writes nothing.
/// Runs the `congkhai` binary that `swift test` builds beside the test bundle.
@Suite struct HostileCLITests {
    static let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DisclosureTests/Fixtures/broken", isDirectory: true)

    static var binary: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // macOS runs tests inside a .xctest bundle: climb out of it.
        while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
        let url = folder.appendingPathComponent("congkhai")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let binary = try #require(Self.binary, "no congkhai binary beside \(CommandLine.arguments[0])")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func checkReportsHostileFilesWithFileAndLineAndExitsTwo() throws {
        let (status, output) = try Self.run(["check", "--content", Self.broken.path, "--as-of", "2024-08-01"])
        #expect(status == 2, "\(output)")
        for expected in ["yaml-alias.md:6:", "too-deep.md:5:", "control-character.md:2:", "traversal.md:7:",
                         "years.md:5:", "numbers.md:3:", "unclosed.md:1:", "raw-html.md:7:", "unsafe-link.md:6:"] {
            #expect(output.contains(expected), "no \(expected) in the report")
        }
        // Hostile text is quoted, never passed to the terminal raw.
        #expect(!output.contains("\u{202E}"))
    }

    @Test func aBaseURLWithALineBreakIsRefusedByBuildAndPublish() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-base-url-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        for command in [["build", "--output", output.path], ["publish", "--to", output.path]] {
            let (status, text) = try Self.run(command + ["--content", HostileSiteTests.content.path, "--base-url", "https://x.example/\nDisallow: /"])
            #expect(status != 0 && text.contains("--base-url"), "\(command[0]): \(text)")
            #expect(text.contains("U+000A"), "\(text)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func buildRefusesAndWritesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-hostile-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let (status, text) = try Self.run(["build", "--content", Self.broken.path, "--as-of", "2024-08-01", "--output", output.path])
        #expect(status == 2, "\(text)")
        #expect(text.contains("yaml-alias.md:6:"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func buildPublishesTheHostileCorpusSafely() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-hostile-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let (status, text) = try Self.run(["build", "--content", HostileSiteTests.content.path, "--as-of", "2024-02-15", "--output", output.path])
        #expect(status == 0, "\(text)")
        let pages = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" } ?? []
        #expect(pages.count > 10)
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(SafetyScan.problems(inHTML: html) == [], "\(page.lastPathComponent)")
        }
    }
}
