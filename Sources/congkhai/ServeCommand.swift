import ArgumentParser
import Foundation
import Disclosure
import Preview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the portal locally, rebuilding it whenever the content changes.",
        discussion: """
        Builds the site into a temporary folder of its own (never into Site/), serves it at
        http://HOST:PORT/, watches the content folder (and its theme/) and rebuilds after every
        save; open pages reload by themselves. While the content has errors every page shows them.
        Each page carries a staff-only panel with the check findings for the record viewed: it is
        added by the server and never written to any file. Ctrl-C stops the server and removes the
        temporary folder (docs/serve.md).
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var asOfOption: AsOfOption
    @Option(name: .long, help: "The port to serve on (0 = any free port).")
    var port: Int = 8080
    @Option(name: .long, help: "The address to listen on; 0.0.0.0 shows the preview to the office network.")
    var host: String = "127.0.0.1"
    @Flag(name: .long, help: "Poll the content for changes instead of using inotify (for network folders).")
    var poll = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) must be between 0 and 65535") }
        if let asOf = asOfOption.asOf, DayParsing.parse(asOf) == nil {
            throw ValidationError("--as-of “\(asOf)” is not a date; write it as \(DayParsing.acceptedForms)")
        }
    }

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentOptions.contentURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            FileHandle.standardError.write(Data("error: the content folder \(contentOptions.content)/ does not exist; pass --content FOLDER\n".utf8))
            throw ExitStatus.unreadable
        }
        let server = PreviewServer(configuration: .init(
            content: contentOptions.contentURL, contentShown: contentOptions.content, host: host, port: port,
            asOf: asOfOption.asOf.flatMap(DayParsing.parse), polling: poll)) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        do {
            try await server.run()
        } catch {
            FileHandle.standardError.write(Data("error: the preview server stopped: \(error)\nIs port \(port) already in use? Try --port \(port == 8080 ? 8081 : port + 1).\n".utf8))
            throw ExitCode.failure
        }
    }
}
