import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal of one in-place update of a site (`SiteWriter.update`): a folder beside the output,
/// `.Site.update-<pid>-<random>/`, holding the new files as `0`, `1`, … and, once they are all
/// written, `manifest`: their site paths in the same order, separated by NUL bytes. The manifest
/// appears in one rename, so a journal is either uncommitted (no manifest: the site was not
/// touched, the journal is thrown away) or committed (every new file is there: applying it, even
/// again after a kill, makes the site the new one).
struct UpdateJournal {
    let folder: String

    static func prefix(of output: URL) -> String { ".\(output.lastPathComponent).update-" }

    /// A new journal's place beside `output` (not created yet).
    init(beside output: URL) {
        folder = output.deletingLastPathComponent().path + "/" + Self.prefix(of: output) + "\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    /// A journal found beside the output.
    init(folder: String) { self.folder = folder }

    private var manifest: String { folder + "/manifest" }

    var isCommitted: Bool {
        var info = stat()
        return lstat(manifest, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Writes the files and commits. Throws (and leaves an uncommitted journal for the caller to
    /// remove) when a file cannot be written.
    func stage(_ files: [(path: String, data: Data)]) throws {
        guard mkdir(folder, 0o755) == 0 else { throw SiteWriterError.cannotWrite(folder, errno: errno) }
        for (index, file) in files.enumerated() {
            try SiteWriter.writeBytes(file.data, to: folder + "/\(index)", shownAs: file.path)
        }
        let list = Data(files.map(\.path).joined(separator: "\0").utf8)
        try SiteWriter.writeBytes(list, to: manifest + ".new", shownAs: "manifest")
        guard rename(manifest + ".new", manifest) == 0 else { throw SiteWriterError.cannotWrite(manifest, errno: errno) }
    }

    /// Renames each new file over its place in the site. A file already moved (by a run that was
    /// killed after moving it) is skipped; a folder the site lost is made again.
    func apply(to output: String) throws {
        guard let data = FileManager.default.contents(atPath: manifest) else { throw SiteWriterError.cannotWrite(manifest, errno: errno) }
        let paths = String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false)
        for (index, path) in paths.enumerated() {
            let staged = folder + "/\(index)", target = output + "/" + path
            if rename(staged, target) == 0 { continue }
            var code = errno
            if code == ENOENT {
                if access(staged, F_OK) != 0 { continue }  // moved before a kill
                if let slash = target.lastIndex(of: "/") {
                    try? FileManager.default.createDirectory(atPath: String(target[..<slash]), withIntermediateDirectories: true)
                }
                if rename(staged, target) == 0 { continue }
                code = errno
            }
            throw SiteWriterError.cannotWrite(String(path), errno: code)
        }
    }
}
