import Foundation
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where builds into one output keep their cache: beside the output, never inside it, so that no
/// copy of the site (`rsync Site/ www/`, a web server pointed at it) carries it. For `Site` it is
/// `.congkhai-cache/Site/` in the same parent folder. Deleting it only costs the next build time.
///
/// Every file is written whole (a temporary name, then a rename), so a killed build leaves a
/// cache file old, new or absent, never half-written.
struct CacheFolder: Sendable {
    /// The folder itself: `<parent>/.congkhai-cache/<output name>`.
    let url: URL

    init(for output: URL) {
        let output = output.standardizedFileURL
        url = output.deletingLastPathComponent().appendingPathComponent(".congkhai-cache", isDirectory: true)
            .appendingPathComponent(output.lastPathComponent, isDirectory: true)
    }

    /// Where older versions kept the cache: inside the output, where it was published with the site.
    static func legacy(in output: URL) -> URL {
        output.appendingPathComponent(".congkhai-cache", isDirectory: true)
    }

    func path(_ name: String) -> String { url.path + "/" + name }

    func write(_ name: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let temporary = path("." + name + ".\(getpid())")
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw SiteWriterError.cannotWrite(temporary, errno: errno)
        }
        guard rename(temporary, path(name)) == 0 else {
            let code = errno
            unlink(temporary)
            throw SiteWriterError.cannotWrite(path(name), errno: code)
        }
    }

    /// Removes a cache file; one that is not there is fine.
    func remove(_ name: String) throws {
        guard unlink(path(name)) == 0 || errno == ENOENT else { throw SiteWriterError.cannotWrite(path(name), errno: errno) }
    }
}

/// The content loaded for a build that leaves a cache: besides the content, what the snapshot
/// needs to know the load again (the settings' bytes, when it began, each record file's stamp).
struct CachedLoad {
    let folder: URL
    let shown: String
    /// When the record files' keys began to be taken: an edit made while the folder is read then
    /// shows as a change to the next build.
    let readAt: Int64
    let settings: StableDigest
    let stamps: DocumentStamps
    let content: LoadedContent

    init(folder: URL, shownAs shown: String) {
        self.folder = folder
        self.shown = shown
        readAt = FileKey.now()
        settings = BuildSnapshot.settingsDigest(of: folder)
        stamps = DocumentStamps(content: folder)
        content = ContentLoader.load(from: folder, observer: stamps)
    }
}
