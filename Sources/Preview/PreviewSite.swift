import Foundation
import Synchronization

/// The preview's current build and its version number: a watcher replaces it after every rebuild
/// while the server reads it for every request.
public final class PreviewSite: Sendable {
    public struct Current: Sendable {
        public let version: Int
        public let build: PreviewBuild
    }

    private let state: Mutex<Current>

    public init(first build: PreviewBuild) {
        state = Mutex(Current(version: 1, build: build))
    }

    public var current: Current { state.withLock { $0 } }

    /// Publishes a new build; the version changes, so open pages reload.
    @discardableResult
    public func replace(with build: PreviewBuild) -> Current {
        state.withLock { current in
            current = Current(version: current.version + 1, build: build)
            return current
        }
    }
}

/// A response of the preview server, before it is handed to the HTTP library.
public struct PreviewResponse: Sendable, Equatable {
    public let status: Int
    public let contentType: String
    public let body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Answers a request for a URL path from the current build: the built file (HTML pages with the
/// staff overlay), the build's 404 page, or, while the content does not build, the error page.
public struct PreviewResponder: Sendable {
    public let site: PreviewSite

    public init(site: PreviewSite) {
        self.site = site
    }

    public func respond(to urlPath: String) -> PreviewResponse {
        let current = site.current
        let path = urlPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? urlPath
        if path == StaffOverlay.versionPath {
            return PreviewResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Data(String(current.version).utf8))
        }
        if path == StaffOverlay.scriptPath {
            return PreviewResponse(status: 200, contentType: "text/javascript; charset=utf-8", body: Data(StaffOverlay.liveReloadScript.utf8))
        }
        switch current.build.outcome {
        case .failed(let report):
            let page = StaffOverlay.errorPage(report: report, build: current.build, version: current.version)
            return PreviewResponse(status: 500, contentType: "text/html; charset=utf-8", body: Data(page.utf8))
        case .built(let folder, _, _):
            guard let file = RequestPath.file(for: path) else {
                return PreviewResponse(status: 400, contentType: "text/plain; charset=utf-8", body: Data("bad path\n".utf8))
            }
            if let data = Self.read(file, in: folder) {
                return page(file, data, status: 200, current: current)
            }
            // `/van-ban/x` without its slash: the folder's index, as static servers do.
            if !file.hasSuffix(".html"), let data = Self.read(file + "/index.html", in: folder) {
                return page(file + "/index.html", data, status: 200, current: current)
            }
            let notFound = Self.read("404.html", in: folder) ?? Data("404\n".utf8)
            return page("404.html", notFound, status: 404, current: current)
        }
    }

    private func page(_ file: String, _ data: Data, status: Int, current: PreviewSite.Current) -> PreviewResponse {
        let type = RequestPath.contentType(of: file)
        guard type.hasPrefix("text/html") else { return PreviewResponse(status: status, contentType: type, body: data) }
        let panel = StaffOverlay.panel(for: current.build, version: current.version, recordID: RequestPath.recordID(of: file))
        let html = StaffOverlay.inject(into: String(decoding: data, as: UTF8.self), panel: panel, version: current.version)
        return PreviewResponse(status: status, contentType: type, body: Data(html.utf8))
    }

    private static func read(_ file: String, in folder: URL) -> Data? {
        let url = folder.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }
}
