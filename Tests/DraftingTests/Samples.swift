import Foundation
import Testing
import Disclosure
import TestSupport
@testable import Drafting

/// Shared helpers: the seed fixture, the hand-made sample content, loading written records.
enum Samples {
    /// The hand-made records of xã Đông Sơn (the tests' sample content), which the import must agree with.
    static let content = ContentLoader.load(from: SampleContent.folder)

    /// The seed file: seven documents of xã Đông Sơn, as text with web-page line breaks.
    static func seedText() throws -> String {
        try String(contentsOf: SeedText.dongSon2024, encoding: .utf8)
    }

    static func lines(_ text: String) -> [SourceLine] { SourceLines.split(text) }

    /// Loads record texts the way `congkhai check` does, with the sample site.yml.
    static func load(_ files: [(path: String, text: String)]) throws -> LoadedContent {
        let site = try String(contentsOf: SampleContent.siteFile, encoding: .utf8)
        return ContentLoader.assemble(site: SourceFile(path: "site.yml", text: site),
                                      documents: files.map { SourceFile(path: $0.path, text: $0.text) })
    }
}

extension ImportResult {
    func codes(at line: Int? = nil) -> [ImportDiagnostic.Code] {
        diagnostics.filter { line == nil || $0.line == line }.map(\.code)
    }
}
