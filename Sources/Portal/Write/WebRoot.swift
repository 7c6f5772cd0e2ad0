import Foundation
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder a web server serves, replaced whole by `publish`: the new site is written into a
/// hidden folder beside it (same file system), then the two folders trade places in one step
/// (`renameat2(RENAME_EXCHANGE)`), so a reader sees the old site or the new one, never a mix.
/// The previous copy is kept, under the staging name, until the caller calls `finish()`; until
/// then `undo()` puts it back.
public struct WebRoot {
    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    /// Names of staging folders: `.<name>.publishing-<pid>-<random>` beside the web root.
    private var stagingPrefix: String { ".\(url.lastPathComponent).publishing-" }

    /// Refuses to replace a folder that is not a site: `--to .` must never delete a project.
    public func checkReplaceable() throws {
        switch SiteFolder.refusal(toReplace: url) {
        case .notAFolder: throw WebRootError.notAFolder(url.path)
        case .notASite: throw WebRootError.notASite(url.path)
        case nil: return
        }
    }

    /// Writes the files into a new staging folder beside the web root. Paths with a hidden
    /// segment are never written: they are not part of a published site.
    public func stage(_ files: [OutputFile]) throws -> Staged {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeAbandonedStaging()
        let folder = parent.appendingPathComponent("\(stagingPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        do {
            var folders: Set<String> = [""]
            for file in files where !Self.isHidden(file.path) {
                let target = folder.appendingPathComponent(file.path)
                if folders.insert((file.path as NSString).deletingLastPathComponent).inserted {
                    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                }
                switch file.contents {
                case .bytes(let data): try data.write(to: target)
                case .copy(let source): try ContentFile.copy(source.path, to: target.path)
                }
            }
        } catch {
            try? fm.removeItem(at: folder)
            throw error
        }
        return Staged(root: url, folder: folder)
    }

    /// True for a path any of whose segments starts with a dot.
    public static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Staging folders left by a publish that was killed: their process is gone.
    private func removeAbandonedStaging() {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(stagingPrefix) {
            let pid = name.dropFirst(stagingPrefix.count).prefix { $0.isNumber }
            if let pid = Int32(pid), kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// A site written beside the web root, ready to go in.
    public struct Staged {
        let root: URL
        let folder: URL
        private var swapped = false
        private var exchanged = false

        init(root: URL, folder: URL) {
            self.root = root
            self.folder = folder
        }

        /// Puts the staged site at the web root in one step. After it, `folder` holds the previous
        /// site (or nothing, when there was none).
        public mutating func swapIn() throws {
            let fm = FileManager.default
            if fm.fileExists(atPath: root.path) {
                if SiteFolder.exchange(folder.path, root.path) {
                    exchanged = true
                } else {
                    // No atomic exchange (old kernel, other file system): a short moment without a site.
                    let aside = folder.appendingPathExtension("old")
                    try fm.moveItem(at: root, to: aside)
                    do { try fm.moveItem(at: folder, to: root) } catch {
                        try? fm.moveItem(at: aside, to: root)
                        throw error
                    }
                    try fm.moveItem(at: aside, to: folder)
                    exchanged = true
                }
            } else {
                try fm.moveItem(at: folder, to: root)
            }
            swapped = true
        }

        /// Puts the previous site back (or takes the new one down when there was none).
        public mutating func undo() {
            guard swapped else { return }
            let fm = FileManager.default
            if exchanged {
                if !SiteFolder.exchange(folder.path, root.path) {
                    try? fm.removeItem(at: root)
                    try? fm.moveItem(at: folder, to: root)
                }
            } else {
                try? fm.removeItem(at: root)
            }
            swapped = false
        }

        /// Deletes the previous copy (or the unused staging folder).
        public func finish() {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}

public enum WebRootError: Error, CustomStringConvertible {
    case notAFolder(String)
    case notASite(String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path) exists and is not a folder; choose another --to"
        case .notASite(let path):
            return "\(path) is not empty and holds no index.html, so it does not look like a published site; choose another --to or empty it"
        }
    }
}
