import Foundation
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
public struct FileKey: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Int64
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The key of the file at `path` (links followed), or nil when there is none.
    public static func of(_ path: String) -> FileKey? {
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
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// True when the file was last written clearly before `moment` (when the key was taken). File
    /// times advance in coarse ticks: a file written again within the tick of the key's taking
    /// could keep its size and times, so such a "racily clean" key proves nothing and the file is
    /// read again. (Any later write moves the modification time past that tick.)
    public func isSettled(before moment: Int64) -> Bool {
        modified < moment - 2_000_000_000
    }
}

/// One record file as the loader saw it: its key taken before it was read, and a digest of the
/// record parsed from it without its body or private data (`Record.encode`). A later build that
/// finds the same digest for an edited file knows the edit touched only the body or private data.
public struct DocumentStamp: Sendable {
    /// Relative to the content folder: `documents/2024/127-kh-ubnd.md`.
    public var path: String
    /// Nil when the file is not a regular file inside the folder (a link), or vanished.
    public var key: FileKey?
    /// Nil when parsing the file gave an error.
    public var digest: StableDigest?
    /// How many warnings parsing the file gave (a build reports the count).
    public var warnings: Int

    public init(path: String, key: FileKey?, digest: StableDigest?, warnings: Int) {
        self.path = path
        self.key = key
        self.digest = digest
        self.warnings = warnings
    }
}
