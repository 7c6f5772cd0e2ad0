import Foundation
import Disclosure
import Compliance

/// Puts a built site online and records it in the ledger, in an order that never lies:
///
/// 1. lock the ledger (one publish at a time) and read it; a half-written last line stops here;
/// 2. write the new site — with the ledger and its new line — into a folder beside the web root;
/// 3. swap it in one step (`WebRoot`): readers see the old site or the new one, never a mix;
/// 4. append the line to the ledger with one `write` and `fsync`; if that fails, swap the old
///    site back;
/// 5. only then delete the old copy.
///
/// Killed between 3 and 4, the site is one line ahead of the ledger: the next publish finds that
/// line in the site's own copy of the ledger, checks it, and appends it first. The ledger never
/// records a publication that did not go online.
public enum Publisher {
    public struct Request {
        /// The build to publish; its `asOf` is the publication's day.
        public var builder: SiteBuilder
        public var site: BuiltSite
        public var webRoot: URL
        public var ledgerURL: URL
        /// The ledger's path as shown in messages (`Content/ledger.jsonl`).
        public var ledgerPath: String
        public var time: LedgerTime
        public var simulated: Bool

        public init(builder: SiteBuilder, site: BuiltSite, webRoot: URL, ledgerURL: URL, ledgerPath: String,
                    time: LedgerTime, simulated: Bool) {
            self.builder = builder
            self.site = site
            self.webRoot = webRoot
            self.ledgerURL = ledgerURL
            self.ledgerPath = ledgerPath
            self.time = time
            self.simulated = simulated
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

        public var description: String {
            switch self {
            case .incompleteLedger(let path, let line):
                return "\(path):\(line): the last line is incomplete (no newline at its end), so the chain cannot be continued. Keep a copy of the file as evidence, remove that last line, then publish again (docs/ledger.md, “An incomplete last line”)."
            case .ledgerBehindSite(let path, let ledgerSeq, let siteSeq, let output):
                return "\(path) ends at seq \(ledgerSeq) but \(output) was published with seq \(siteSeq): this is not the ledger that site was published with, or it was cut short at its end. Restore it (\(output)/\(SitePaths.ledger.ledger) holds a copy), or publish to another folder."
            }
        }
    }

    public static func publish(_ request: Request) throws -> Result {
        let webRoot = WebRoot(request.webRoot)
        try webRoot.checkReplaceable()

        // The site as it will be served: no ledger files yet, no hidden entries (build caches).
        let siteFiles = request.site.files.filter { !SitePaths.ledger.isLedgerFile($0.path) && !WebRoot.isHidden($0.path) }
        let hashed = try siteFiles.map { file in
            SiteFile(file.path, try file.data ?? {
                if case .copy(let source) = file.contents { return Data(try ContentFile.bytes(at: source.path, limit: Int.max).get()) }
                return Data()
            }())
        }
        let manifest = SiteManifest(files: hashed, layout: SitePaths.ledger)
        let builder = request.builder
        let postings = Publication.postings(records: builder.content.records, book: builder.book, day: builder.asOf, files: hashed,
                                            page: SitePaths.record, attachment: SitePaths.attachment)

        let file = try LedgerFile(url: request.ledgerURL)
        var bytes = try file.read()
        var ledger = Ledger(bytes: bytes, path: request.ledgerPath)
        if let tail = ledger.incompleteTail { throw Failure.incompleteLedger(path: request.ledgerPath, line: tail.number) }

        // An earlier publish that swapped its site in but died before appending its line.
        var recovered: LedgerEntry?
        if let head = publishedHead(at: webRoot.url) {
            let lastSeq = ledger.entries.last?.entry.seq ?? 0
            if head.seq > lastSeq {
                guard head.seq == lastSeq + 1, let line = recoverableLine(at: webRoot.url, head: head, ledger: ledger) else {
                    throw Failure.ledgerBehindSite(path: request.ledgerPath, ledgerSeq: lastSeq, siteSeq: head.seq, output: webRoot.url.path)
                }
                try file.append(line.line)
                recovered = line
                bytes = try file.read()
                ledger = Ledger(bytes: bytes, path: request.ledgerPath)
            }
        }

        let entry = LedgerEntry(seq: ledger.nextSeq, time: request.time, simulated: request.simulated,
                                siteDigest: manifest.digest, postings: postings, prev: ledger.head)
        let grown = Ledger(bytes: bytes + Array(entry.line.utf8), path: request.ledgerPath)
        let files = siteFiles + (try LedgerSite.files(ledger: grown, manifest: manifest, builder: builder))

        var staged = try webRoot.stage(files)
        defer { staged.finish() }
        try staged.swapIn()
        do {
            try file.append(entry.line)
        } catch {
            staged.undo()  // the ledger could not record it: the previous site goes back up
            throw error
        }
        return Result(entry: entry, lineNumber: grown.lines.count, fileCount: files.count, recovered: recovered)
    }

    static func publishedHead(at root: URL) -> PublishedHead? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(SitePaths.ledger.head).path) else { return nil }
        return PublishedHead(json: data)
    }

    /// The published site's own ledger copy holds the missing line: take it only if the copy starts
    /// with exactly our ledger, the line chains onto our head, and the site still has its digest.
    private static func recoverableLine(at root: URL, head: PublishedHead, ledger: Ledger) -> LedgerEntry? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(SitePaths.ledger.ledger).path) else { return nil }
        let copy = Array(data)
        let own = ledger.completeBytes
        guard copy.count > own.count, Array(copy[0..<own.count]) == own else { return nil }
        let published = Ledger(bytes: copy, path: SitePaths.ledger.ledger)
        guard published.incompleteTail == nil, let last = published.lines.last, last.number == ledger.lines.count + 1,
              let entry = last.entry, last.isCanonical, entry.seq == head.seq, last.hash == head.head, entry.prev == ledger.head,
              let files = try? SiteManifest.read(folder: root), SiteManifest(files: files, layout: SitePaths.ledger).digest == entry.siteDigest else { return nil }
        return entry
    }
}
