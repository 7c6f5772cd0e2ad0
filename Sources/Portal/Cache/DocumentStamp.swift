import Foundation
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies a file's version without reading it: device, inode, size, and the modification
/// and status-change times to the nanosecond. Editors that save by renaming get a new inode; an
/// append changes size and times; setting a file's time back changes its status-change time. (As
/// in git's index, a key only proves "unchanged" when the file was last written clearly before
/// the key was taken, see `isSettled`.)
struct FileKey: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The key of the file at `path` (links followed), or nil when there is none.
    static func of(_ path: String) -> FileKey? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let m = info.st_mtimespec, c = info.st_ctimespec
        #else
        let m = info.st_mtim, c = info.st_ctim
        #endif
        return FileKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                       modified: Int64(m.tv_sec) * 1_000_000_000 + Int64(m.tv_nsec),
                       changed: Int64(c.tv_sec) * 1_000_000_000 + Int64(c.tv_nsec))
    }

    /// Nanoseconds since 1970 on the wall clock, the clock file times are taken from.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// True when the file was last written clearly before `moment` (when the key was taken). File
    /// times advance in coarse ticks: a file written again within the tick of the key's taking
    /// could keep its size and times, so such a "racily clean" key proves nothing and the file is
    /// read again. (Any later write moves the modification time past that tick.)
    func isSettled(before moment: Int64) -> Bool {
        modified < moment - 2_000_000_000
    }
}

/// One record file as the loader saw it: its key taken before it was read, and a digest of the
/// record parsed from it without its body or private data (`Record.encode`). A later build that
/// finds the same digest for an edited file knows the edit touched only the body or private data.
/// The file is named by a digest of its path only: the cache names no record file, published or not.
struct DocumentStamp: Sendable {
    /// Of the path relative to the content folder (`documents/2024/127-kh-ubnd.md`).
    var pathDigest: StableDigest
    /// Nil when the file is not a regular file inside the folder (a link), or vanished.
    var key: FileKey?
    /// Nil when parsing the file gave an error.
    var digest: StableDigest?
    /// How many warnings parsing the file gave (a build reports the count).
    var warnings: Int

    static func pathDigest(_ relative: String) -> StableDigest {
        var hasher = StableHasher()
        hasher.combine(relative)
        return hasher.finish()
    }

    /// The stamp of a file parsed on its own, with the key taken before it was read.
    init(relativePath: String, key: FileKey?, parsed file: ParsedRecordFile) {
        pathDigest = Self.pathDigest(relativePath)
        self.key = key
        digest = file.diagnostics.hasErrors ? nil : file.parsed.map(Self.digest)
        warnings = file.diagnostics.warnings.count
    }

    init(pathDigest: StableDigest, key: FileKey?, digest: StableDigest?, warnings: Int) {
        self.pathDigest = pathDigest
        self.key = key
        self.digest = digest
        self.warnings = warnings
    }

    /// Everything parsing took from a file except the body and private data: equal digests mean
    /// that, once other records are known, the file gives the same record but for those two.
    static func digest(_ parsed: RecordParser.Parsed) -> StableDigest {
        var writer = BinaryWriter(capacity: 1024)
        parsed.record.encode(into: &writer)
        writer.bool(parsed.explicitID)
        writer.int(parsed.numberLine)
        var hasher = StableHasher()
        hasher.combine(writer.bytes)
        return hasher.finish()
    }
}

/// Watches a load for the snapshot: each record file's key, taken just before the loader reads
/// it, and its stamp once parsed (on the loader's cores).
final class DocumentStamps: LoadObserver, @unchecked Sendable {
    private let folder: String
    private let shownPrefix: String
    private let lock = NSLock()
    private var keys: [String: FileKey] = [:]
    private var stamps: [String: DocumentStamp] = [:]

    init(content folder: URL) {
        self.folder = folder.path + "/"
        shownPrefix = ContentLoader.shownPath("", in: folder)
    }

    func willRead(_ path: String, shownAs shown: String) {
        let key = FileKey.of(path)
        lock.lock()
        keys[shown] = key
        lock.unlock()
    }

    func parsed(_ file: ParsedRecordFile) {
        lock.lock()
        let key = keys[file.path]
        lock.unlock()
        let stamp = DocumentStamp(relativePath: String(file.path.dropFirst(shownPrefix.count)), key: key, parsed: file)
        lock.lock()
        stamps[file.path] = stamp
        lock.unlock()
    }

    /// Every record file's stamp in path order, or nil when one was not read as a plain file
    /// (a link): such content is always read in full.
    func all() -> [DocumentStamp]? {
        lock.lock()
        defer { lock.unlock() }
        guard !stamps.isEmpty, stamps.values.allSatisfy({ $0.key != nil }) else { return nil }
        return stamps.sorted { $0.key < $1.key }.map(\.value)
    }
}
