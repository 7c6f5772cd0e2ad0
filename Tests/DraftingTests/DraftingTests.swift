import Foundation
import Testing
import Disclosure
@testable import Drafting

/// Shared helpers: the seed fixture, the repository's hand-made sample content, loading written records.
enum Samples {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The hand-made records of xã Đông Sơn (Content/), which the import must agree with.
    static let content = ContentLoader.load(from: repository.appendingPathComponent("Content"))

    /// The seed file: seven documents of xã Đông Sơn, as text with web-page line breaks.
    static func seedText() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "dong-son-2024", withExtension: "txt", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func lines(_ text: String) -> [SourceLine] { SourceLines.split(text) }

    /// Loads record texts the way `congkhai check` does, with the sample site.yml.
    static func load(_ files: [(path: String, text: String)]) throws -> LoadedContent {
        let site = try String(contentsOf: repository.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        return ContentLoader.assemble(site: SourceFile(path: "site.yml", text: site),
                                      documents: files.map { SourceFile(path: $0.path, text: $0.text) })
    }
}

extension ImportResult {
    func codes(at line: Int? = nil) -> [ImportDiagnostic.Code] {
        diagnostics.filter { line == nil || $0.line == line }.map(\.code)
    }
}
