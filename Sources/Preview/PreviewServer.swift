import Foundation
import Hummingbird
import Disclosure

/// `congkhai serve`: builds the content into a temporary folder of its own, serves it over HTTP
/// with Hummingbird, rebuilds after every change and reloads open pages. SIGINT (Ctrl-C) and
/// SIGTERM stop the server; the temporary folder is removed on the way out.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var content: URL
        public var contentShown: String
        public var host: String
        public var port: Int
        public var asOf: Day?
        /// Poll the content instead of using inotify.
        public var polling: Bool

        public init(content: URL, contentShown: String, host: String, port: Int, asOf: Day?, polling: Bool) {
            self.content = content
            self.contentShown = contentShown
            self.host = host
            self.port = port
            self.asOf = asOf
            self.polling = polling
        }
    }

    public let configuration: Configuration
    /// Where the console lines go (stdout in the CLI).
    public let log: @Sendable (String) -> Void

    public init(configuration: Configuration, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.log = log
    }

    public func run() async throws {
        let fm = FileManager.default
        let workspace = fm.temporaryDirectory.appendingPathComponent("congkhai-serve-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try fm.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer {
            try? fm.removeItem(at: workspace)
            log("Preview stopped; its temporary folder is removed.")
        }

        let builder = PreviewBuilder(content: configuration.content, contentShown: configuration.contentShown,
                                     output: workspace.appendingPathComponent("site", isDirectory: true),
                                     asOf: configuration.asOf, baseURL: nil)
        let first = builder.build()
        let site = PreviewSite(first: first)
        log(Self.describe(first, version: 1))

        let source: any ChangeSource & Sendable
        if !configuration.polling, let inotify = InotifyChangeSource(root: configuration.content) {
            source = inotify
        } else {
            source = PollingChangeSource(root: configuration.content)
        }
        let watcher = ContentWatcher(builder: builder, site: site) { [log] current, changed in
            let files = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
            log("Changed: \(files)")
            log(Self.describe(current.build, version: current.version))
        }

        let responder = PreviewResponder(site: site)
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) -> Response in
                let answer = responder.respond(to: request.uri.path)
                var headers = HTTPFields()
                headers[.contentType] = answer.contentType
                headers[.cacheControl] = "no-store"
                return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
            },
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { [log, configuration] channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                let day = configuration.asOf.map { "as of \($0.vietnamese)" } ?? "as of today"
                log("Preview of \(configuration.contentShown)/ at http://\(host):\(port)/ (\(day); watching with \(source.kind); Ctrl-C stops).")
            }
        )

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await watcher.run(source: source) }
            defer { group.cancelAll() }
            try await app.runService()
        }
    }

    static func describe(_ build: PreviewBuild, version: Int) -> String {
        let ms = StaffOverlay.milliseconds(build.duration)
        switch build.outcome {
        case .built(_, let pages, let records):
            return "Build \(version): \(pages) pages for \(records) records in \(ms) ms, as of \(build.asOf.vietnamese)."
        case .failed(let report):
            return "Build \(version) failed in \(ms) ms; every page shows the errors until they are fixed:\n" + report
        }
    }
}
