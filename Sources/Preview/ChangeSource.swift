import Foundation

/// Something that reports which files changed under a folder since it was last asked.
/// Asked on a timer by `ContentWatcher`; it never blocks.
public protocol ChangeSource: AnyObject {
    /// Paths (relative to the watched folder, or names) changed since the last call; empty when none.
    func changes() -> [String]
    /// How often to ask.
    var interval: Duration { get }
    /// What the start-up message calls it.
    var kind: String { get }
}

/// Compares snapshots of every file's size and modification time: works on any file system
/// (network shares, containers without inotify), at the cost of walking the tree each time.
// Used by one watcher task at a time, hence @unchecked.
public final class PollingChangeSource: ChangeSource, @unchecked Sendable {
    public let root: URL
    public let interval: Duration
    public let kind = "polling"
    private var snapshot: [String: FileStamp]

    public struct FileStamp: Hashable, Sendable {
        let size: Int
        let modified: Date
    }

    public init(root: URL, interval: Duration = .milliseconds(400)) {
        self.root = root
        self.interval = interval
        snapshot = Self.scan(root)
    }

    public func changes() -> [String] {
        let now = Self.scan(root)
        defer { snapshot = now }
        return Self.difference(from: snapshot, to: now)
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    public static func difference(from old: [String: FileStamp], to new: [String: FileStamp]) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    static func scan(_ root: URL) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return result }
        let base = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
            result[relative] = FileStamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
        }
        return result
    }
}
