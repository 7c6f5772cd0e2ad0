import Foundation
#if canImport(Glibc)
import Glibc

/// Linux inotify on the watched folder and every folder below it (inotify is not recursive):
/// the kernel queues the changes, and `changes()` reads them without blocking.
// Used by one watcher task at a time, hence @unchecked.
public final class InotifyChangeSource: ChangeSource, @unchecked Sendable {
    public let root: URL
    public let interval: Duration = .milliseconds(40)
    public let kind = "inotify"
    private let descriptor: Int32
    /// Watch descriptor → folder path relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]

    static let mask = UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    /// Nil when inotify is unavailable (another OS, or the per-user limit of instances reached).
    public init?(root: URL) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        self.root = root.standardizedFileURL
        guard addWatches() else {
            close(fd)
            return nil
        }
    }

    deinit { close(descriptor) }

    public func changes() -> [String] {
        var names: [String] = []
        var folderAdded = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break } // -1 with EAGAIN: the queue is empty
            for event in InotifyEvent.parse(Array(buffer[0..<count])) {
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    names.append("")
                    folderAdded = true
                    continue
                }
                let folder = folders[event.watch] ?? ""
                names.append(folder.isEmpty ? event.name : event.name.isEmpty ? folder : folder + "/" + event.name)
                if event.mask & UInt32(IN_ISDIR) != 0 || event.mask & UInt32(IN_IGNORED) != 0 { folderAdded = true }
            }
        }
        // A new or moved folder needs its own watch (and may already hold files).
        if folderAdded { _ = addWatches() }
        return names
    }

    /// Watches the root and every folder below it; watching a folder twice is harmless.
    @discardableResult
    private func addWatches() -> Bool {
        var all = [""]
        if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) {
            let base = root.path
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                let path = url.standardizedFileURL.path
                if path.hasPrefix(base + "/") { all.append(String(path.dropFirst(base.count + 1))) }
            }
        }
        var watched: [Int32: String] = [:]
        for folder in all {
            let path = folder.isEmpty ? root.path : root.path + "/" + folder
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            if watch >= 0 { watched[watch] = folder } else if folder.isEmpty { return false }
        }
        folders = watched
        return true
    }
}
#endif

/// One raw `struct inotify_event` from the kernel's buffer: `int wd; uint32_t mask, cookie, len;
/// char name[len]` (the name NUL-padded), in the machine's byte order.
public struct InotifyEvent: Hashable, Sendable {
    public let watch: Int32
    public let mask: UInt32
    public let name: String

    public static func parse(_ bytes: [UInt8]) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        func word(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        }
        while offset + 16 <= bytes.count {
            let length = Int(word(offset + 12))
            guard offset + 16 + length <= bytes.count else { break }
            let nameBytes = bytes[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
            events.append(InotifyEvent(watch: Int32(bitPattern: word(offset)), mask: word(offset + 4),
                                       name: String(decoding: nameBytes, as: UTF8.self)))
            offset += 16 + length
        }
        return events
    }
}
