import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Disclosure

/// What one publication records about the notices in a built site: for each record being posted
/// on the day (status open, or posted permanently) whose page is in the site, its page, the digest
/// of what it says and of the page as published, and its period with the legal end.
public enum Publication {
    /// - Parameters:
    ///   - files: the built site, ledger files excluded or not (they are ignored).
    ///   - page: where a record's page is in the site (the portal's `SitePaths.record`).
    ///   - attachment: where an attachment (a path inside Content/) is in the site.
    public static func postings(records: [Record], book: RuleBook, day: Day, files: [SiteFile],
                                page: (RecordID) -> String, attachment: (String) -> String) -> [PostedNotice] {
        let manifest = SiteManifest(files: files)
        let hashes = Dictionary(manifest.entries.map { ($0.path, LedgerDigest.prefix + $0.sha256) }, uniquingKeysWith: { a, _ in a })
        return records.compactMap { record -> PostedNotice? in
            guard record.isPublished, let posting = record.posting else { return nil }
            let schedule = book.schedule(of: posting)
            guard schedule.status(on: day).isOpen else { return nil }
            let path = page(record.id)
            guard let pageDigest = hashes[path] else { return nil }
            var attachments: [String: String] = [:]
            for a in record.attachments { attachments[a] = hashes[attachment(a)].map(LedgerDigest.bare) }
            return PostedNotice(id: record.id, page: path, digest: NoticeDigest.digest(record, attachments: attachments),
                                pageDigest: pageDigest, start: schedule.start, end: schedule.end, legalEnd: schedule.legalEnd)
        }.sorted { $0.id < $1.id }
    }
}

/// Puts a built site online and records it in the ledger, in an order that never lies:
///
/// 1. lock the ledger (one publish at a time) and read it; a half-written last line stops here;
/// 2. write the new site — the ledger line included, in `so-cai/` — into a folder beside the
///    target, on the same file system;
/// 3. swap it with the target in one step (`renameat2(RENAME_EXCHANGE)`): a web server serving the
///    target sees the old site or the new one, never a mix, and the old copy is kept;
/// 4. append the line to the ledger and `fsync` it; if that fails, swap the old site back;
/// 5. only then delete the old copy.
///
/// If the process dies between 3 and 4, the site is one line ahead of the ledger; the next
/// publish finds that line in the site's own copy of the ledger and appends it first.
public enum PublicationWriter {
    public struct Request {
        /// The built site. Any ledger files in it (`so-cai/`, `api/ledger-head.json`) are replaced.
        public var files: [SiteFile]
        public var output: URL
        public var ledgerURL: URL
        /// The ledger's path as shown in messages (`Content/ledger.jsonl`).
        public var ledgerPath: String
        public var time: LedgerTime
        public var simulated: Bool
        public var postings: [PostedNotice]
        /// The ledger's files in the site (the ledger copy, its head, manifest and page), given the
        /// ledger with its new line and the manifest of the site.
        public var ledgerFiles: (Ledger, SiteManifest) -> [SiteFile]

        public init(files: [SiteFile], output: URL, ledgerURL: URL, ledgerPath: String, time: LedgerTime, simulated: Bool,
                    postings: [PostedNotice], ledgerFiles: @escaping (Ledger, SiteManifest) -> [SiteFile]) {
            self.files = files
            self.output = output
            self.ledgerURL = ledgerURL
            self.ledgerPath = ledgerPath
            self.time = time
            self.simulated = simulated
            self.postings = postings
            self.ledgerFiles = ledgerFiles
        }
    }

    public struct Result: Sendable {
        public var entry: LedgerEntry
        /// Line number of the new entry in the ledger file.
        public var lineNumber: Int
        public var fileCount: Int
        /// A line found in the published site but missing from the ledger (an interrupted publish),
        /// appended before the new one.
        public var recovered: LedgerEntry?
    }

    public enum Failure: Error, CustomStringConvertible {
        case incompleteLedger(path: String, line: Int)
        case ledgerBehindSite(path: String, ledgerSeq: Int, siteSeq: Int, output: String)
        case notASite(String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case .incompleteLedger(let path, let line):
                return "\(path): line \(line) is incomplete (no newline at the end), so the chain cannot be continued. Keep a copy of the file as evidence, remove that last line, then publish again. (docs/ledger.md, “An incomplete last line”)"
            case .ledgerBehindSite(let path, let ledgerSeq, let siteSeq, let output):
                return "\(path) ends at seq \(ledgerSeq) but \(output) was published with seq \(siteSeq): this is not the ledger that site was published with, or it was cut short. Restore it (\(output)/\(SiteManifest.ledgerPath) holds a copy), or publish to another folder. `congkhai check --published \(output)` shows the difference."
            case .notASite(let path):
                return "\(path) is not empty and holds no index.html, so it does not look like a published site; choose another --to or empty it"
            case .notAFolder(let path):
                return "\(path) exists and is not a folder; choose another --to"
            }
        }
    }

    public static func publish(_ request: Request) throws -> Result {
        let fm = FileManager.default
        let output = request.output.standardizedFileURL
        try checkReplaceable(output)
        let file = try LedgerFile(url: request.ledgerURL)
        var bytes = try file.read()
        var ledger = Ledger(bytes: bytes, path: request.ledgerPath)
        if let tail = ledger.incompleteTail { throw Failure.incompleteLedger(path: request.ledgerPath, line: tail.number) }

        // An earlier publish that swapped the site in but died before appending its line.
        var recovered: LedgerEntry?
        if let site = publishedHead(at: output) {
            let lastSeq = ledger.entries.last?.entry.seq ?? 0
            if site.seq > lastSeq {
                guard site.seq == lastSeq + 1, let line = recoverableLine(at: output, head: site, ledger: ledger, bytes: bytes) else {
                    throw Failure.ledgerBehindSite(path: request.ledgerPath, ledgerSeq: lastSeq, siteSeq: site.seq, output: output.path)
                }
                try file.append(line.line)
                recovered = line
                bytes = try file.read()
                ledger = Ledger(bytes: bytes, path: request.ledgerPath)
            }
        }

        let entry = LedgerEntry(seq: ledger.nextSeq, time: request.time, simulated: request.simulated,
                                siteDigest: SiteManifest(files: request.files).digest, postings: request.postings, prev: ledger.head)
        let grown = Ledger(bytes: bytes + Array(entry.line.utf8), path: request.ledgerPath)
        let site = request.files.filter { !SiteManifest.isLedgerFile($0.path) }
        let files = site + request.ledgerFiles(grown, SiteManifest(files: site))

        // Stage beside the target, then swap.
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).publishing-\(getpid())-\(UUID().uuidString.prefix(8))")
        defer { try? fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        var folders: Set<String> = []
        for f in files {
            let target = staging.appendingPathComponent(f.path)
            let folder = target.deletingLastPathComponent().path
            if folders.insert(folder).inserted { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try f.data.write(to: target)
        }
        let exchanged: Bool
        if fm.fileExists(atPath: output.path) {
            guard exchange(staging.path, output.path) else {
                // No atomic exchange here (old kernel, other file system): move aside, move in.
                let aside = staging.appendingPathExtension("old")
                try fm.moveItem(at: output, to: aside)
                do { try fm.moveItem(at: staging, to: output) } catch {
                    try? fm.moveItem(at: aside, to: output)
                    throw error
                }
                do { try file.append(entry.line) } catch {
                    try? fm.removeItem(at: output)
                    try? fm.moveItem(at: aside, to: output)
                    throw error
                }
                try? fm.removeItem(at: aside)
                return Result(entry: entry, lineNumber: grown.lines.count, fileCount: files.count, recovered: recovered)
            }
            exchanged = true
        } else {
            try fm.moveItem(at: staging, to: output)
            exchanged = false
        }
        do {
            try file.append(entry.line)
        } catch {
            // The ledger could not record it: put the old site back (or take the new one down).
            if exchanged { _ = exchange(staging.path, output.path) } else { try? fm.removeItem(at: output) }
            throw error
        }
        // `staging` now holds the old site; the deferred removal deletes it.
        return Result(entry: entry, lineNumber: grown.lines.count, fileCount: files.count, recovered: recovered)
    }

    static func publishedHead(at output: URL) -> PublishedHead? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(SiteManifest.headPath).path) else { return nil }
        return PublishedHead(json: data)
    }

    /// The published site's own ledger copy holds the missing line: take it only if the copy starts
    /// with exactly our ledger, the line chains onto our head, and the site still has its digest.
    private static func recoverableLine(at output: URL, head: PublishedHead, ledger: Ledger, bytes: [UInt8]) -> LedgerEntry? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(SiteManifest.ledgerPath).path) else { return nil }
        let copy = Array(data)
        guard copy.count > bytes.count, Array(copy[0..<bytes.count]) == bytes else { return nil }
        let published = Ledger(bytes: copy, path: SiteManifest.ledgerPath)
        guard published.incompleteTail == nil, let last = published.lines.last, last.number == ledger.lines.count + 1,
              let entry = last.entry, last.isCanonical, entry.seq == head.seq, last.hash == head.head, entry.prev == ledger.head,
              let files = try? SiteManifest.read(folder: output), SiteManifest(files: files).digest == entry.siteDigest else { return nil }
        return entry
    }

    /// Refuses to replace a folder that is not a site: `--to .` must never delete a project.
    private static func checkReplaceable(_ output: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure.notAFolder(output.path) }
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains("index.html") { throw Failure.notASite(output.path) }
    }

    /// renameat2(2) with RENAME_EXCHANGE, looked up at run time (Swift's Glibc does not declare it).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameExchange: UInt32 = 1 << 1
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
