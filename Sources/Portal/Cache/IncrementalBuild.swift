import Foundation
import Disclosure
import Compliance

/// `build` when nothing but record bodies (or private data) changed since the build that made the
/// site: the common edit of a clerk correcting a text. It reads only the edited files and renders
/// only what a body reaches: the record's own page, the search index (the body's first words) and
/// the feeds (the bodies of recent records). Everything else the site shows about a record comes
/// from the rest of its file, which the edit left alone, so every other file keeps its bytes.
///
/// It starts from the snapshot the last build left (`BuildSnapshot`) and proves its case first:
/// - the program, settings, calendar, ledger, theme, day and address are the same (one digest);
/// - the same record files exist (the folder is walked again; the snapshot knows them by the
///   digest of their paths), and each file whose key changed still parses without an error to
///   the same record but for its body and private data (`DocumentStamp.digest`);
/// - the attachments are the same files.
/// If any of this fails it returns nil, and `build` runs in full.
///
/// The changed files are replaced in place (`SiteWriter.update`), not swapped in with a new copy
/// of the site. The snapshot is removed first and written last, and the page cache marks the pages
/// being replaced before they are (`PageCache.append`), so a build killed half-way leaves nothing
/// that a later build could trust wrongly.
enum IncrementalBuild {
    /// The build `SiteBuild.write` asked for, or nil when it must run in full.
    static func attempt(_ request: BuildRequest, into output: URL, cache: CacheFolder, holding lock: OutputLock) throws -> BuildOutcome? {
        let folder = request.content, shown = request.shownAs, baseURL = request.baseURL
        let readAt = FileKey.now()
        guard var snapshot = BuildSnapshot.read(in: cache) else { return nil }

        // Everything but the records: one digest. (The theme is not validated again: a theme with
        // the same files passed when the snapshot's build loaded it.)
        let settingsDigest = BuildSnapshot.settingsDigest(of: folder)
        let settings = ContentLoader.load(from: folder, readingRecords: false)
        // A settings file or ledger refused (a link, unreadable): the full build reports it.
        guard !settings.diagnostics.hasErrors else { return nil }
        let asOf = try request.asOf(settings.site.timeZone)
        let (theme, themeProblems) = Theme.loading(overridesIn: folder.appendingPathComponent("theme"), shownAs: shown + "/theme", validating: false)
        guard BuildSnapshot.inputsDigest(settings: settingsDigest, folder: folder, shownAs: shown, asOf: asOf,
                                         baseURL: baseURL, theme: theme, themeDiagnostics: themeProblems) == snapshot.inputs,
              snapshot.attachments.allSatisfy({ isUnchanged($0, in: folder) }) else { return nil }

        // The same record files; the edited ones changed in body or private data only.
        guard let paths = ContentLoader.plainDocumentPaths(in: folder), paths.count == snapshot.documents.count,
              zip(paths, snapshot.documents).allSatisfy({ DocumentStamp.pathDigest($0) == $1.pathDigest }) else { return nil }
        let base = folder.path + "/"
        let keys = Parallel.map(paths, chunk: 512) { FileKey.of(base + $0) }
        var stamps = snapshot.documents
        // Warnings of other records, of links between records, the calendar and the theme stay as they were.
        var warnings = snapshot.warnings
        // Records are known by their files, relative to the content folder as the snapshot keeps them.
        var bodies: [String: String] = [:]
        for index in paths.indices {
            let old = stamps[index]
            guard let key = keys[index] else { return nil }
            if key == old.key, key.isSettled(before: snapshot.readAt) { continue }
            guard let file = ContentLoader.parseRecordFile(paths[index], in: folder, site: settings.site),
                  case let stamp = DocumentStamp(relativePath: paths[index], key: key, parsed: file),
                  let body = file.parsed?.record.body, stamp.digest != nil, stamp.digest == old.digest else { return nil }
            bodies[paths[index]] = body
            stamps[index] = stamp
            warnings += stamp.warnings - old.warnings
        }
        let shownPrefix = ContentLoader.shownPath("", in: folder)

        // The model, from the snapshot; the bodies of records not edited are rendered from their
        // files only if a page asks for them (the feeds).
        let book = RuleBook(content: settings)
        let unedited = UneditedBodies(paths, in: folder, as: snapshot.documents, site: settings.site)
        let records = Parallel.map(snapshot.records, chunk: 256) { entry -> PortalRecord in
            let relative = entry.record.file
            var record = entry.record
            record.file = shownPrefix + relative
            if let body = bodies[relative] {
                record.body = body
                return PortalRecord(record: record, calendar: book.calendar, asOf: asOf)
            }
            let unbodied = record
            return PortalRecord(record: record, calendar: book.calendar, asOf: asOf, searchExcerpt: entry.searchExcerpt) {
                unedited.render(unbodied, relativePath: relative)
            }
        }
        // `records` is in the snapshot's order: index i is the snapshot's record i.
        let editedIndices = snapshot.records.indices.filter { bodies[snapshot.records[$0].record.file] != nil }
        let edited = editedIndices.map { records[$0] }
        let portal = PortalContent(site: settings.site, records: records, policy: book.policy, asOf: asOf,
                                   urls: SiteURLs(base: baseURL ?? settings.site.baseURL))
        func outcome(_ report: SiteWriter.Report) -> BuildOutcome {
            let built = BuiltSite(files: [], records: portal.records.count, pages: snapshot.pages,
                                  openPostings: portal.openPostings.count, upcomingPostings: portal.upcomingPostings.count)
            return BuildOutcome(asOf: asOf, site: settings.site, built: built, report: report, warnings: warnings,
                                themeOverridden: theme.overridden, loaded: nil)
        }
        // No file read again: the site and the snapshot are up to date.
        guard !bodies.isEmpty else { return outcome(SiteWriter.Report(written: 0, reused: snapshot.files)) }

        // What the edited bodies reach: their pages, the search index if their first words
        // changed, the feeds if they carry one of them.
        let strings = PortalStrings.vi
        let renderer = PageRenderer(theme: theme)
        let layouts = LayoutFactory(content: portal, strings: strings)
        let fingerprint = PageCache.fingerprint(of: theme)
        var pages: [(path: String, digest: ViewDigest)] = []
        var files = try edited.map { entry in
            let view = RecordPage(entry, content: portal, layouts: layouts)
            pages.append((entry.path, ViewDigest.of(view, template: "record", fingerprint: fingerprint)))
            return OutputFile(entry.path, try renderer.render(view, with: "record"))
        }
        if editedIndices.contains(where: { snapshot.records[$0].searchExcerpt != records[$0].searchExcerpt }) {
            files.append(OutputFile(SitePaths.searchIndex, SearchIndex.file(content: portal)))
        }
        let feeds = FeedSet(content: portal, strings: strings, time: FeedTime(settings.site.timeZone))
        let carried = feeds.carried
        if !Set(carried.map(\.id)).isDisjoint(with: edited.map(\.id)) {
            _ = Parallel.map(carried, chunk: 8) { $0.body }  // rendered on all cores, not one by one in the feeds
            files += feeds.files()
        }
        guard !unedited.failed else { return nil }

        let fileCount = snapshot.files
        snapshot.readAt = readAt
        snapshot.documents = stamps
        snapshot.warnings = warnings
        for index in editedIndices { snapshot.setSearchExcerpt(records[index].searchExcerpt, at: index) }

        // The snapshot goes first and comes back last; the pages are marked unknown while they change.
        do {
            try cache.remove(BuildSnapshot.file)
            try PageCache.append(pages.map { ($0.path, PageCache.unknown) }, in: cache)
            var report = try SiteWriter.update(files, in: output, holding: lock)
            try PageCache.append(pages, in: cache)
            try snapshot.write(in: cache)
            report.reused = fileCount - report.written
            return outcome(report)
        } catch let error as SiteWriterError {
            throw BuildFailure.cannotWrite(error)
        }
    }

    /// True when an attachment still resolves to the same, unchanged file (as `Attachments.locate` resolves it).
    private static func isUnchanged(_ attachment: BuildSnapshot.Attachment, in folder: URL) -> Bool {
        FileKey.of(folder.appendingPathComponent(attachment.path).resolvingSymlinksInPath().path) == attachment.key
    }
}

/// Renders the body of a record the edit did not touch, from its file, when a page asks for it.
/// The file must still give the record the snapshot holds (its digest); if it does not, or cannot
/// be read, the build is abandoned before anything is written (`failed`) and runs in full instead.
private final class UneditedBodies: @unchecked Sendable {
    private let paths: [String]
    private let folder: URL
    private let documents: [DocumentStamp]
    private let site: SiteConfig
    private let lock = NSLock()
    private var didFail = false
    /// A record's file (relative to the content folder) → its index in `paths` and `documents`; made on first use.
    private var positions: [String: Int]?

    init(_ paths: [String], in folder: URL, as documents: [DocumentStamp], site: SiteConfig) {
        self.paths = paths
        self.folder = folder
        self.documents = documents
        self.site = site
    }

    private func position(of file: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if positions == nil {
            positions = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return positions![file]
    }

    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return didFail
    }

    func render(_ record: Record, relativePath: String) -> RenderedBody {
        if let index = position(of: relativePath),
           let file = ContentLoader.parseRecordFile(paths[index], in: folder, site: site),
           let body = file.parsed?.record.body,
           DocumentStamp(relativePath: paths[index], key: nil, parsed: file).digest == documents[index].digest {
            var record = record
            record.body = body
            return PortalRecord.render(record)
        }
        lock.lock()
        didFail = true
        lock.unlock()
        return RenderedBody(html: "", plainText: "")
    }
}
