import Foundation
import Disclosure

/// The incremental build's memory of pages, kept as `pages.tsv` in the output's cache folder
/// (`CacheFolder`, beside the output).
///
/// For every page of the last build it holds the digest of the page's view (`ViewDigest`: the
/// template's name and every value the template can print). A page whose digest is unchanged
/// has the same bytes as last time, so it is not rendered again: the writer links last build's
/// file into the new site. Everything else (pages whose view changed, feeds, indexes) is rendered
/// as in a clean build, so an incremental build gives the same bytes as a clean one.
///
/// The cache file is removed before a new site is swapped in and written after: it never
/// describes another site than the one in the output. A missing, older or unreadable cache only
/// costs a full render.
/// An incremental build that changes pages in place (`IncrementalBuild`) appends lines instead:
/// the last line for a path wins.
final class PageCache: @unchecked Sendable {
    static let file = "pages.tsv"
    /// Bumped whenever rendering changes in a way a view digest cannot see.
    static let format = "congkhai-pages 2"

    /// The site the cache describes; reused files are linked from here.
    let output: URL
    let cache: CacheFolder
    /// Digests of the theme and of anything else every page depends on.
    let fingerprint: ViewDigest
    private let previous: [String: ViewDigest]
    private let lock = NSLock()
    private var next: [String: ViewDigest] = [:]
    private(set) var reused = 0

    /// Reads the cache of the site at `output` (empty when there is none, it is stale, or the
    /// build is to ignore it).
    init(output: URL, theme: Theme, ignoringPrevious: Bool = false) {
        self.output = output.standardizedFileURL
        cache = CacheFolder(for: output)
        fingerprint = Self.fingerprint(of: theme)
        previous = ignoringPrevious ? [:] : Self.read(URL(fileURLWithPath: cache.path(Self.file)), fingerprint: fingerprint)
    }

    /// The digest of the theme's templates and of this cache's format.
    static func fingerprint(of theme: Theme) -> ViewDigest {
        var hasher = StableHasher()
        hasher.combine(Self.format)
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        return hasher.finish()
    }

    /// A digest no view has, marking a page whose file is about to change.
    static let unknown = ViewDigest(a: 0, b: 0)

    /// Appends lines for pages of the site at `output`, which win over earlier lines. Before a page
    /// is changed in place its line says `unknown`, so a build killed before the page's new line is
    /// written never takes the new file for the old view. Nothing happens when there is no cache.
    static func append(_ pages: [(path: String, digest: ViewDigest)], in cache: CacheFolder) throws {
        let text = pages.map { "\($0.digest)\t\($0.path)\n" }.joined()
        let fd = open(cache.path(file), O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return }
            throw SiteWriterError.cannotWrite(file, errno: errno)
        }
        defer { close(fd) }
        let written = text.utf8.withContiguousStorageIfAvailable { Foundation.write(fd, $0.baseAddress, $0.count) } ?? -1
        guard written == text.utf8.count else { throw SiteWriterError.cannotWrite(file, errno: errno) }
    }

    private static func read(_ url: URL, fingerprint: ViewDigest) -> [String: ViewDigest] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n")[...]
        guard lines.popFirst() == Substring("\(format) \(fingerprint)") else { return [:] }
        var digests: [String: ViewDigest] = [:]
        digests.reserveCapacity(lines.count)
        for line in lines {
            guard let tab = line.firstIndex(of: "\t"), let digest = ViewDigest(line[..<tab]) else { return [:] }
            digests[String(line[line.index(after: tab)...])] = digest
        }
        return digests
    }

    /// The file for a page: last build's (to be linked) when its view is unchanged and the file
    /// is still there, else the page rendered now.
    func file(_ path: String, template: String, view: Any, render: () throws -> Data) rethrows -> OutputFile {
        let digest = ViewDigest.of(view, template: template, fingerprint: fingerprint)
        // The old file's URL only for a page that can be reused: a clean build makes none.
        let old = previous[path] == digest ? output.appendingPathComponent(path) : nil
        let unchanged = old.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
        lock.lock()
        next[path] = digest
        if unchanged { reused += 1 }
        lock.unlock()
        if unchanged, let old { return OutputFile(path, copying: old) }
        return OutputFile(path, try render())
    }

    /// Writes the cache file describing this build's pages, once they are in place.
    func write() throws {
        try cache.write(Self.file, Data(text().utf8))
    }

    private func text() -> String {
        lock.lock()
        defer { lock.unlock() }
        var text = "\(Self.format) \(fingerprint)\n"
        for (path, digest) in next.sorted(by: { $0.key < $1.key }) where !path.utf8.contains(0x0A) {
            text += "\(digest)\t\(path)\n"
        }
        return text
    }
}
