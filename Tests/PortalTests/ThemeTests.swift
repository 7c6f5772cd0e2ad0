import Foundation
import Testing
import Disclosure
import Compliance
@testable import Portal

/// A commune changes the look without recompiling: files in `Content/theme/` replace the default
/// theme's files of the same path; everything else still comes from the binary.
@Suite("Theme overrides")
struct ThemeTests {
    @Test("a template and a stylesheet from Content/theme replace the default ones")
    func overrides() throws {
        let content = try PortalFixture.copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let theme = content.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "{{<layout}}{{$main}}<h1>Không tìm thấy trang — xã Đông Sơn</h1>{{/main}}{{/layout}}\n"
            .write(to: theme.appendingPathComponent("templates/not-found.mustache"), atomically: true, encoding: .utf8)
        try "body { color: #123456; }\n".write(to: theme.appendingPathComponent("assets/site.css"), atomically: true, encoding: .utf8)

        let (loaded, problems) = Theme.loading(overridesIn: theme, shownAs: "Content/theme")
        #expect(problems.isEmpty)
        #expect(loaded.overridden == ["assets/site.css", "templates/not-found.mustache"])
        let site = try SiteBuilder(content: PortalFixture.load(content), asOf: PortalFixture.day("2024-02-15"),
                                   book: RuleBook(content: PortalFixture.load(content)), theme: loaded).build()
        #expect(try site.text("404.html").contains("<h1>Không tìm thấy trang — xã Đông Sơn</h1>"))
        #expect(try site.text("assets/site.css") == "body { color: #123456; }\n")
        // The pages not overridden still come from the default theme, layout included.
        #expect(try site.text("index.html") == (try PortalFixture.build(asOf: "2024-02-15").text("index.html")))
    }

    @Test("a template that does not parse is an error naming its file and line")
    func brokenTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "<p>\n{{#records}}\n<li>{{title}}</li>\n"
            .write(to: folder.appendingPathComponent("templates/home.mustache"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let (_, problems) = Theme.loading(overridesIn: folder, shownAs: "Content/theme")
        let error = try #require(problems.first { $0.severity == .error })
        #expect(error.location?.file == "Content/theme/templates/home.mustache")
        #expect(problems.contains { $0.severity == .warning && $0.message.contains("notes.txt") })
    }

    @Test("the binary carries its default theme: every file of Theme/Default is embedded, byte for byte")
    func embeddedThemeIsCurrent() throws {
        let folder = PortalFixture.repository.appendingPathComponent("Sources/Portal/Theme/Default")
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]))
        var onDisk: [String: String] = [:]
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            onDisk[path] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(!onDisk.isEmpty)
        #expect(DefaultTheme.files == onDisk, "run Scripts/embed-theme.sh after editing the theme")
    }
}
