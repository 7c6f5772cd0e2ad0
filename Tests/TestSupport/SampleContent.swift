import Foundation

/// The sample records of xã Đông Sơn, kept with the tests (Tests/TestSupport/Fixtures/SampleContent)
/// so that a commune editing its own `Content/` cannot change what the tests see.
public enum SampleContent {
    /// The fixture folder itself (site.yml, documents/2024/*.md). Read it; never write to it.
    public static let folder = fixtures.appendingPathComponent("SampleContent", isDirectory: true)

    /// The sample site.yml.
    public static var siteFile: URL { folder.appendingPathComponent("site.yml") }

    /// Copies the sample content to `parent/Content` and returns that folder, for tests that change it.
    @discardableResult
    public static func copy(into parent: URL) throws -> URL {
        let copy = parent.appendingPathComponent("Content", isDirectory: true)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: copy)
        return copy
    }

    /// Found from this source file, so the tests run from any working directory.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)
}

/// The seed text: seven documents of xã Đông Sơn as pasted from a web page (Fixtures/Seeds).
public enum SeedText {
    public static let folder = SampleContent.fixtures.appendingPathComponent("Seeds", isDirectory: true)

    /// The seed of 2024, the one the import and the renderer tests read.
    public static var dongSon2024: URL { folder.appendingPathComponent("dong-son-2024.txt") }

    /// Every seed file's text.
    public static func all() throws -> [String] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { try String(contentsOf: $0, encoding: .utf8) }
    }
}
