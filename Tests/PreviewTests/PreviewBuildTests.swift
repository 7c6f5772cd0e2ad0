import Foundation
import Testing
import TestSupport
import Disclosure
@testable import Preview

/// The preview against a copy of the sample content: serving, the staff panel, rebuilding after
/// an edit, the error page while the content does not build, and that none of it reaches the files.
@Suite("Preview: build, serve, rebuild", .serialized)
struct PreviewBuildTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let draftFile = "documents/2024/du-thao-quy-che-dan-chu.md"
    static let draftTitle = "Dự thảo quyết định của UBND xã Đông Sơn về việc ban hành Quy chế thực hiện dân chủ"

    /// A copy of Content/ and an output folder, both temporary.
    struct Workspace {
        let folder: TemporaryFolder
        var content: URL { folder.url.appendingPathComponent("Content", isDirectory: true) }
        var output: URL { folder.url.appendingPathComponent("site", isDirectory: true) }

        init() throws {
            folder = try TemporaryFolder()
            try FileManager.default.copyItem(at: SampleContent.folder, to: content)
        }

        func builder(asOf: String = "2024-02-15") -> PreviewBuilder {
            PreviewBuilder(content: content, contentShown: "Content", output: output, asOf: DayParsing.parse(asOf))
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(change(text).utf8).write(to: url)
        }
    }

    @Test("the home page is served with the live-reload script; the files on disk have none of it")
    func servesHome() throws {
        let workspace = try Workspace()
        let build = workspace.builder().build()
        guard case .built(let folder, let pages, _) = build.outcome else {
            Issue.record("the sample content must build")
            return
        }
        #expect(pages > 10)
        let responder = PreviewResponder(site: PreviewSite(first: build))
        let home = responder.respond(to: "/")
        #expect(home.status == 200)
        #expect(home.contentType == "text/html; charset=utf-8")
        #expect(home.text.contains("<script src=\"/__congkhai/live.js\" data-version=\"1\" defer></script>\n</body>"))
        #expect(home.text.contains("congkhai-staff"))
        #expect(responder.respond(to: "/__congkhai/version").text == "1")
        #expect(responder.respond(to: "/__congkhai/live.js").text.contains("location.reload()"))
        #expect(responder.respond(to: "/assets/site.css").contentType == "text/css; charset=utf-8")
        #expect(responder.respond(to: "/van-ban/\(PreviewDraft.id)").status == 200, "a folder without its slash")

        let missing = responder.respond(to: "/khong-co/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Không tìm thấy trang"))
        #expect(responder.respond(to: "/../../etc/passwd").status == 400)

        // The overlay exists only in responses: no built file mentions it.
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "html" {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("__congkhai") && !text.contains("congkhai-staff"), "\(url.lastPathComponent)")
        }
    }

    @Test("a record's page carries the checker's findings for that record in the staff panel")
    func staffPanel() throws {
        let workspace = try Workspace()
        let build = workspace.builder().build()
        let responder = PreviewResponder(site: PreviewSite(first: build))
        let page = responder.respond(to: "/van-ban/\(PreviewDraft.id)/").text
        #expect(page.contains("Kiểm tra văn bản \(PreviewDraft.id)"))
        let findings = build.findings[PreviewDraft.id] ?? []
        #expect(!findings.isEmpty, "the draft's posting ends on a Sunday: Art. 148(5) is reported")
        for finding in findings { #expect(page.contains(finding.code.rawValue)) }
        #expect(page.contains("Xem trước</strong> như ngày 15/02/2024"))

        let home = responder.respond(to: "/").text
        #expect(!home.contains("Kiểm tra văn bản"), "pages that are not a record's show no findings")
    }

    @Test("an edited title is served after the rebuild; the version changes so pages reload")
    func rebuildAfterEdit() throws {
        let workspace = try Workspace()
        let builder = workspace.builder()
        let site = PreviewSite(first: builder.build())
        let responder = PreviewResponder(site: site)
        #expect(responder.respond(to: "/van-ban/\(PreviewDraft.id)/").text.contains(Self.draftTitle))

        try workspace.edit(Self.draftFile) { $0.replacingOccurrences(of: "title: \"Dự thảo quyết định", with: "title: \"Dự thảo SỬA ĐỔI quyết định") }
        site.replace(with: builder.build())
        #expect(responder.respond(to: "/__congkhai/version").text == "2")
        let page = responder.respond(to: "/van-ban/\(PreviewDraft.id)/").text
        #expect(page.contains("Dự thảo SỬA ĐỔI quyết định"))
        #expect(page.contains("data-version=\"2\""))
    }

    @Test("while the content has an error every URL shows it with file and line; fixing it recovers")
    func errorPage() throws {
        let workspace = try Workspace()
        let builder = workspace.builder()
        let site = PreviewSite(first: builder.build())
        let responder = PreviewResponder(site: site)

        try workspace.edit(Self.draftFile) { $0.replacingOccurrences(of: "date: 2024-02-05", with: "date: 2024-02-31") }
        let failed = builder.build()
        #expect(failed.isFailed)
        site.replace(with: failed)
        for path in ["/", "/van-ban/\(PreviewDraft.id)/", "/assets/site.css"] {
            let answer = responder.respond(to: path)
            #expect(answer.status == 500)
            #expect(answer.text.contains("Không dựng được trang xem trước"))
            #expect(answer.text.contains("du-thao-quy-che-dan-chu.md:3"), "the diagnostic names the file and line")
            #expect(answer.text.contains("/__congkhai/live.js"), "the error page reloads by itself once fixed")
        }
        #expect(!answer(responder, "/").contains("Cổng công khai thông tin xã Đông Sơn</span>"), "no stale page")

        try workspace.edit(Self.draftFile) { $0.replacingOccurrences(of: "date: 2024-02-31", with: "date: 2024-02-05") }
        site.replace(with: builder.build())
        #expect(responder.respond(to: "/").status == 200)
    }

    @Test("--as-of previews another day: the draft is open on 15/02 and ended on 01/03")
    func asOf() throws {
        let workspace = try Workspace()
        let open = PreviewResponder(site: PreviewSite(first: workspace.builder(asOf: "2024-02-15").build()))
        #expect(open.respond(to: "/van-ban/\(PreviewDraft.id)/").text.contains("ngày 10/20"))
        let ended = PreviewResponder(site: PreviewSite(first: workspace.builder(asOf: "2024-03-01").build()))
        #expect(ended.respond(to: "/van-ban/\(PreviewDraft.id)/").text.contains("Đã kết thúc niêm yết"))
    }

    @Test("the watcher rebuilds after a save, once, and not while nothing changes")
    func watcherRebuilds() async throws {
        let workspace = try Workspace()
        let builder = workspace.builder()
        let site = PreviewSite(first: builder.build())
        let source: any ChangeSource & Sendable = InotifyChangeSource(root: workspace.content) ?? PollingChangeSource(root: workspace.content)
        let watcher = ContentWatcher(builder: builder, site: site) { _, _ in }
        let task = Task { await watcher.run(source: source) }
        defer { task.cancel() }

        try await Task.sleep(for: .milliseconds(600))
        #expect(site.current.version == 1, "no change, no rebuild")

        try workspace.edit(Self.draftFile) { $0.replacingOccurrences(of: "title: \"Dự thảo quyết định", with: "title: \"Dự thảo MỚI quyết định") }
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while site.current.version == 1 && clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(site.current.version == 2)
        #expect(PreviewResponder(site: site).respond(to: "/van-ban/\(PreviewDraft.id)/").text.contains("Dự thảo MỚI quyết định"))
        try await Task.sleep(for: .milliseconds(600))
        #expect(site.current.version == 2, "one save, one rebuild")
    }

    private func answer(_ responder: PreviewResponder, _ path: String) -> String { responder.respond(to: path).text }
}

enum PreviewDraft {
    static let id = "du-thao-quy-che-dan-chu"
}
