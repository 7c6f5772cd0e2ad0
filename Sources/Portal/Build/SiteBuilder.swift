import Foundation
import Disclosure
import Compliance

/// The pure core of `congkhai build`: loaded content, a day and the legal calendar in; every file
/// of the site out, in memory, sorted by path. Nothing here reads the clock or writes to disk, so
/// the same input always gives the same bytes.
public struct SiteBuilder {
    public let content: LoadedContent
    public let asOf: Day
    public let book: RuleBook
    public let theme: Theme
    /// Content-relative attachment path → the file to copy (see `Attachments.locate`).
    public let attachments: [String: URL]
    public let baseURL: String?
    public let strings: PortalStrings
    /// The theme's templates, compiled once for every page of the build, the ledger's included.
    let renderer: PageRenderer

    public init(content: LoadedContent, asOf: Day, book: RuleBook, theme: Theme = .default,
                attachments: [String: URL] = [:], baseURL: String? = nil, strings: PortalStrings = .vi) {
        self.content = content
        self.asOf = asOf
        self.book = book
        self.theme = theme
        self.attachments = attachments
        self.baseURL = baseURL
        self.strings = strings
        renderer = PageRenderer(theme: theme)
    }

    public func build() throws -> BuiltSite {
        try build(progress: nil, cache: nil)
    }

    /// Builds on all cores: record bodies, record pages, archive pages and the machine-readable
    /// outputs are independent tasks; the files are sorted by path at the end, so the result does
    /// not depend on the order the tasks finish in. `progress` hears how many pages are rendered.
    /// With a `cache` (incremental build), pages whose view is unchanged since the cached build are
    /// not rendered: their files are the current site's, to be linked by `SiteWriter`.
    /// With a `snapshot` context, the result also holds the build's snapshot of its records
    /// (`BuildSnapshot`), for the next build to start from.
    func build(progress: BuildProgress?, cache: PageCache? = nil, snapshot: BuildSnapshot.Context? = nil) throws -> BuiltSite {
        // Model: the published records with their status on `asOf`, bodies rendered once.
        let portal = PortalContent(content: content, book: book, asOf: asOf,
                                   urls: SiteURLs(base: baseURL ?? content.site.baseURL))
        // Render: pages through the theme's templates, then the machine-readable outputs.
        let layouts = LayoutFactory(content: portal, strings: strings)
        let feeds = FeedSet(content: portal, strings: strings, time: FeedTime(content.site.timeZone))
        let announced = FeedSet.siteFeeds(strings: strings) + feeds.types.flatMap { FeedSet.typeFeeds($0, strings: strings) }

        // Views are made by the tasks that render them (the search page alone lists every record).
        var pages: [PendingPage] = [
            .init(path: HomePage.path, template: "home") { HomePage(content: portal, layouts: layouts, feeds: announced) },
            .init(path: AboutPage.path, template: "about") { AboutPage(content: portal, layouts: layouts, feeds: announced) },
            .init(path: SearchPage.path, template: "search") { SearchPage(content: portal, layouts: layouts) },
            .init(path: NotFoundPage.path, template: "not-found") { NotFoundPage(content: portal, layouts: layouts) },
        ]
        pages += ArchivePages(content: portal, layouts: layouts).all()
        let pagePaths = pages.map(\.path) + portal.records.map(\.path)
        let total = pagePaths.count
        let rendered = ProgressCounter()
        func counted(_ n: Int) { progress?.update(.rendering, rendered.add(n), of: total) }

        func page(_ path: String, _ template: String, _ view: Any) throws -> OutputFile {
            guard let cache else { return OutputFile(path, try renderer.render(view, with: template)) }
            return try cache.file(path, template: template, view: view) { try renderer.render(view, with: template) }
        }
        // The long single tasks go first, so that no core is left alone with one at the end.
        var tasks: [() throws -> [OutputFile]] = [
            { [OutputFile(SitePaths.searchIndex, SearchIndex.file(content: portal))] },
            { [OutputFile(SitePaths.recordsAPI, RecordsAPI(content: portal).file()),
               OutputFile(SitePaths.recordsSchema, Data(RecordsAPI.schema.utf8))] },
            { feeds.files() },
            { [OutputFile(SitePaths.calendar, PostingCalendar(content: portal, strings: strings).file())] },
            // The sitemap lists every page a search engine should index: print views are left out
            // (noindex, canonical to the record); the ledger page, rendered by its own task, is in.
            { [OutputFile(SitePaths.sitemap, Sitemap.file(pages: pagePaths + [SitePaths.ledger.page], content: portal)),
               OutputFile(SitePaths.robots, Sitemap.robots(content: portal))] },
            // ledger: the publication ledger, its head and the page explaining it (Portal/Ledger, docs/ledger.md).
            { try LedgerSite.files(ledger: Ledger(content: content), builder: self) },
        ]
        // Record pages are built and rendered in the same task, so their views never pile up; the
        // same task writes the records' print notices, an A4 page with a QR code for every posted
        // record (Portal/Print, docs/print.md).
        let notices = PrintNotices(content: portal, strings: layouts.templateStrings)
        for chunk in stride(from: 0, to: portal.records.count, by: 64) {
            let slice = portal.records[chunk..<min(portal.records.count, chunk + 64)]
            tasks.append {
                let files = try slice.map { try page($0.path, "record", RecordPage($0, content: portal, layouts: layouts)) }
                counted(files.count)
                return files + (try notices.files(for: slice, renderer: renderer))
            }
        }
        for chunk in stride(from: 0, to: pages.count, by: 32) {
            let slice = pages[chunk..<min(pages.count, chunk + 32)]
            tasks.append {
                let files = try slice.map { try page($0.path, $0.template, $0.view()) }
                counted(files.count)
                return files
            }
        }
        var files = try Parallel.run(tasks).flatMap { $0 }
        files += theme.assets.map { OutputFile("assets/" + $0.key, $0.value) }
        for entry in portal.records {
            for path in entry.record.attachments {
                guard let source = attachments[path] else { throw BuildError.attachmentNotLocated(path, record: entry.record.file) }
                files.append(OutputFile(SitePaths.attachment(path), copying: source))
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }
        files.sort { $0.path < $1.path }
        return BuiltSite(files: files, records: portal.records.count, pages: total,
                         openPostings: portal.openPostings.count, upcomingPostings: portal.upcomingPostings.count,
                         snapshot: snapshot?.snapshot(portal: portal, pages: total, files: files.count))
    }
}

/// Every file of a built site, with the counts the command reports.
public struct BuiltSite: Sendable {
    public let files: [OutputFile]
    public let records: Int
    public let pages: Int
    public let openPostings: Int
    public let upcomingPostings: Int
    /// What the next build into the same output starts from, when this one could describe itself.
    let snapshot: BuildSnapshot?

    init(files: [OutputFile], records: Int, pages: Int, openPostings: Int, upcomingPostings: Int, snapshot: BuildSnapshot? = nil) {
        self.files = files
        self.records = records
        self.pages = pages
        self.openPostings = openPostings
        self.upcomingPostings = upcomingPostings
        self.snapshot = snapshot
    }
}

public enum BuildError: Error, CustomStringConvertible {
    case attachmentNotLocated(String, record: String)

    public var description: String {
        switch self {
        case .attachmentNotLocated(let path, let record):
            return "\(record): attachment “\(path)” was not located before the build (see Attachments.locate)"
        }
    }
}
