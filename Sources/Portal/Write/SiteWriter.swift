import Foundation
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site so that readers only ever see the old site or the new one: the files go
/// into a fresh staging folder beside the output (same file system), which then takes the output's
/// place in one step. If anything fails, the staging folder is removed and the old site is
/// untouched; if the process is killed, the next build removes what it left (see `clearLeftovers`).
///
/// Files whose bytes are known to equal the current output's are not written again: they are
/// hard-linked from the current site into the staging folder (a new name for the same bytes; the
/// old site's name goes away with the old site). A rendered file of the same size as the current
/// one is compared byte for byte and linked when equal. So an unchanged page keeps its inode and
/// its modification time, and an incremental build costs one link per unchanged file.
public enum SiteWriter {
    /// What a write did, for the build's summary.
    public struct Report: Sendable {
        public var written = 0
        public var reused = 0
    }

    /// Locks the output's folder against other builds, writes, swaps, unlocks.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: URL) throws -> Report {
        let lock = try OutputLock.acquire(for: output)
        defer { lock.release() }
        return try write(files, to: output, holding: lock)
    }

    /// Writes while the caller holds the output's lock (an incremental build holds it from reading
    /// the cache to the swap). `unchanged`: paths whose bytes the caller knows equal the current
    /// output's file at the same path; they are linked without being read.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: URL, holding lock: OutputLock,
                             unchanged: Set<String> = [], progress: ((Int) -> Void)? = nil) throws -> Report {
        let fm = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        guard lock.folder.path == parent.path else { throw SiteWriterError.wrongLock(output.path, held: lock.folder.path) }
        try checkReplaceable(output)
        clearLeftovers(of: output)

        let staging = parent.appendingPathComponent(stagingPrefix(of: output) + "\(getpid())-\(UUID().uuidString.prefix(8))")
        defer { removeTree(staging.path) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)

        // Folders first, parents before children, so the files can be written in any order.
        // (Paths are split by hand: Foundation's deletingLastPathComponent traps on one-letter names.)
        // Files come sorted by path, so a file's folder is nearly always the last one seen at its
        // depth: each depth remembers that one, and no set of 100,000 folders is built on one core.
        // A folder seen again after others is listed twice; mkdir then finds it (EEXIST).
        func folderOf(_ path: Substring) -> Substring { path.lastIndex(of: "/").map { path[..<$0] } ?? "" }
        var byDepth: [[String]] = []
        var lastSeen: [Substring] = []
        for file in files {
            var folder = folderOf(Substring(file.path))
            var depth = folder.isEmpty ? 0 : folder.utf8.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while depth > lastSeen.count {
                lastSeen.append("")
                byDepth.append([])
            }
            while depth > 0, lastSeen[depth - 1] != folder {
                lastSeen[depth - 1] = folder
                byDepth[depth - 1].append(String(folder))
                folder = folderOf(folder)
                depth -= 1
            }
        }
        // One depth at a time, each depth's folders on all cores: a large site has a folder per
        // record (and one for its print notice), 100,000 and more at 50,000 records.
        for folders in byDepth {
            _ = try Parallel.tryMap(folders, chunk: 256) { folder in
                guard mkdir(staging.path + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                    throw SiteWriterError.cannotWrite(folder, errno: errno)
                }
            }
        }

        // An empty output (a fresh folder) has nothing to link: no file is looked for there.
        let isEmpty = (try? fm.contentsOfDirectory(atPath: output.path))?.isEmpty ?? true
        let current = isEmpty ? nil : output.path
        let report = try writeAll(files, into: staging.path, current: current, unchanged: unchanged, progress: progress)
        try swap(staging, into: output)
        return report
    }

    /// Replaces the few files an incremental build changed, without a copy of the whole site
    /// (which costs a link per file) and without a moment in which the site mixes old and new
    /// files that a later run could leave behind:
    ///
    /// 1. the changed files are written into a journal folder beside the output (`.Site.update-…`);
    ///    a failure here (a full disk) removes it and leaves the site as it was;
    /// 2. the journal's manifest (the files' site paths) is renamed into place: the update is
    ///    committed;
    /// 3. each file is renamed over its place, and the journal is removed.
    ///
    /// A process killed during 3 leaves a committed journal; the next build or serve into the
    /// output finishes it before anything else (`clearLeftovers`), so the site becomes the new
    /// one. Nothing temporary is ever written inside the output. Files whose bytes are already
    /// there are left alone.
    public static func update(_ files: [OutputFile], in output: URL, holding lock: OutputLock) throws -> Report {
        let output = output.standardizedFileURL
        guard lock.folder.path == output.deletingLastPathComponent().path else {
            throw SiteWriterError.wrongLock(output.path, held: lock.folder.path)
        }
        clearLeftovers(of: output)
        var report = Report()
        var changed: [(path: String, data: Data)] = []
        for file in files {
            switch file.contents {
            case .bytes(let data):
                if sameBytes(data, asFileAt: output.path + "/" + file.path) {
                    report.reused += 1
                } else {
                    changed.append((file.path, data))
                }
            case .copy(let source):
                // An incremental build renders every file it replaces; it copies none.
                throw SiteWriterError.cannotCopy(file.path, from: source.path, reason: "internal error: an in-place update copies no file")
            }
        }
        guard !changed.isEmpty else { return report }

        let journal = UpdateJournal(beside: output)
        do {
            try journal.stage(changed)
        } catch {
            removeTree(journal.folder)
            throw error
        }
        try journal.apply(to: output.path)
        removeTree(journal.folder)
        report.written = changed.count
        return report
    }

    /// Removes files of the site (the build cache, before an incremental build changes the site
    /// it describes); a file that is not there is fine.
    static func remove(_ paths: [String], in output: URL) throws {
        for path in paths where unlink(output.standardizedFileURL.path + "/" + path) != 0 && errno != ENOENT {
            throw SiteWriterError.cannotWrite(path, errno: errno)
        }
    }

    /// The staging folders of this output start with this: `.Site.building-`.
    static func stagingPrefix(of output: URL) -> String {
        ".\(output.lastPathComponent).building-"
    }

    /// Finishes an update a killed build committed (so the site becomes the new one), and removes
    /// staging folders, uncommitted journals and old sites being deleted that a killed build left
    /// beside the output. Only called under the output's lock, so none of them belongs to a
    /// running build.
    static func clearLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let staging = stagingPrefix(of: output), update = UpdateJournal.prefix(of: output)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            if name.hasPrefix(update) {
                let journal = UpdateJournal(folder: parent.path + "/" + name)
                // A journal whose renames fail again is kept: the next build tries once more,
                // and a full build replaces the whole site meanwhile.
                if journal.isCommitted, (try? journal.apply(to: output.path)) == nil { continue }
                removeTree(journal.folder)
            } else if name.hasPrefix(staging) {
                removeTree(parent.path + "/" + name)
            }
        }
    }

    // MARK: Files

    private static func writeAll(_ files: [OutputFile], into staging: String, current: String?, unchanged: Set<String>,
                                 progress: ((Int) -> Void)?) throws -> Report {
        // Two workers per core: writing is mostly waiting on the kernel.
        let workers = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount * 2))
        let results = UnsafeMutableBufferPointer<WorkerResult>.allocate(capacity: workers)
        results.initialize(repeating: WorkerResult())
        defer { results.deallocate() }
        let done = ProgressCounter()
        let sharedFiles = Unchecked(files), sharedResults = Unchecked(results), sharedProgress = Unchecked(progress)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let files = sharedFiles.value, results = sharedResults.value, progress = sharedProgress.value
            var result = WorkerResult()
            var index = worker
            while index < files.count {
                let file = files[index]
                do {
                    if try place(file, at: staging + "/" + file.path, current: current.map { $0 + "/" + file.path },
                                 knownUnchanged: unchanged.contains(file.path)) {
                        result.reused += 1
                    } else {
                        result.written += 1
                    }
                } catch {
                    result.error = error
                    break
                }
                if let progress, done.add(1) % 256 == 0 { progress(done.value) }
                index += workers
            }
            results[worker] = result
        }
        var report = Report()
        for result in results {
            if let error = result.error { throw error }
            report.written += result.written
            report.reused += result.reused
        }
        progress?(files.count)
        return report
    }

    private struct WorkerResult {
        var written = 0
        var reused = 0
        var error: (any Error)?
    }

    /// Puts one file at `target`; true when it was linked from the current site instead of written.
    private static func place(_ file: OutputFile, at target: String, current: String?, knownUnchanged: Bool) throws -> Bool {
        switch file.contents {
        case .bytes(let data):
            if let current, knownUnchanged || sameBytes(data, asFileAt: current), link(current, target) == 0 {
                return true
            }
            try writeBytes(data, to: target, shownAs: file.path)
            return false
        case .copy(let source):
            // The current site's own file (a page an incremental build did not render again), or an
            // attachment with the same bytes as the published copy: linked.
            if let current, source.standardizedFileURL.path == current || sameFile(source.path, asCopyAt: current),
               link(current, target) == 0 {
                return true
            }
            do {
                try ContentFile.copy(source.path, to: target)  // from the checked descriptor: no link, no pipe
            } catch {
                throw SiteWriterError.cannotCopy(file.path, from: source.path, reason: "\(error)")
            }
            return false
        }
    }

    static func writeBytes(_ data: Data, to target: String, shownAs path: String) throws {
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriterError.cannotWrite(path, errno: errno) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SiteWriterError.cannotWrite(path, errno: errno)
                }
                offset += n
            }
        }
    }

    /// True when the file at `path` holds exactly `data` (a size check first, so most changed files
    /// cost one `stat`).
    private static func sameBytes(_ data: Data, asFileAt path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }

    /// Attachments are few: same size, then the same bytes.
    private static func sameFile(_ source: String, asCopyAt copy: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(source, &a) == 0, lstat(copy, &b) == 0, (b.st_mode & S_IFMT) == S_IFREG, a.st_size == b.st_size else { return false }
        guard let x = try? Data(contentsOf: URL(fileURLWithPath: source), options: .alwaysMapped),
              let y = try? Data(contentsOf: URL(fileURLWithPath: copy), options: .alwaysMapped) else { return false }
        return x == y
    }

    // MARK: Swap and removal

    /// Refuses to replace a folder that is not a site: `--output .` must never delete a project.
    private static func checkReplaceable(_ output: URL) throws {
        switch SiteFolder.refusal(toReplace: output) {
        case .notAFolder: throw SiteWriterError.notAFolder(output.path)
        case .notASite: throw SiteWriterError.notASite(output.path)
        case nil: return
        }
    }

    /// Puts `staging` at `output`. With an existing output, Linux exchanges the two folders
    /// atomically (renameat2 RENAME_EXCHANGE) and the old site, now at `staging`, is removed by the
    /// caller; elsewhere the old site is moved aside first and restored if the move in fails.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if SiteFolder.exchange(staging.path, output.path) { return }
        let aside = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-old")
        try fm.moveItem(at: output, to: aside)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: aside, to: output)
            throw error
        }
        removeTree(aside.path)
    }


    /// Deletes a folder tree without following symbolic links, the subfolders in parallel.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { unlink(path); return }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var folders: [String] = []
        for name in children {
            let child = path + "/" + name
            var childInfo = stat()
            guard lstat(child, &childInfo) == 0 else { continue }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR { folders.append(child) } else { unlink(child) }
        }
        if folders.count > 1 {
            let shared = folders
            DispatchQueue.concurrentPerform(iterations: shared.count) { removeTree(shared[$0]) }
        } else {
            folders.forEach(removeTree)
        }
        rmdir(path)
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}

/// A counter shared by writer threads, for progress only.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += n
        return count
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

public enum SiteWriterError: Error, CustomStringConvertible {
    case notAFolder(String)
    case notASite(String)
    case cannotWrite(String, errno: Int32)
    case cannotCopy(String, from: String, reason: String)
    case wrongLock(String, held: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path) exists and is not a folder; choose another --output"
        case .notASite(let path):
            return "\(path) is not empty and holds no index.html, so it does not look like a built site; choose another --output or empty it"
        case .cannotWrite(let path, let code):
            return "cannot write \(path): \(String(cString: strerror(code)))"
        case .cannotCopy(let path, let source, let reason):
            return "cannot copy \(source) to \(path): \(reason)"
        case .wrongLock(let path, let held):
            return "internal error: writing \(path) while holding the lock of \(held) instead of its own folder's"
        }
    }
}
