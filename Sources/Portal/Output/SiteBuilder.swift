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

    public init(content: LoadedContent, asOf: Day, book: RuleBook, theme: Theme = .default,
                attachments: [String: URL] = [:], baseURL: String? = nil, strings: PortalStrings = .vi) {
        self.content = content
        self.asOf = asOf
        self.book = book
        self.theme = theme
        self.attachments = attachments
        self.baseURL = baseURL
        self.strings = strings
    }

    public func build() throws -> BuiltSite {
        // Model: the published records with their status on `asOf`, bodies rendered once.
        let portal = PortalContent(content: content, book: book, asOf: asOf,
                                   urls: SiteURLs(base: baseURL ?? content.site.baseURL))
        // Render: pages through the theme's templates, then the machine-readable outputs.
        let renderer = try PageRenderer(theme: theme)
        let layouts = LayoutFactory(content: portal, strings: strings)
        let feeds = FeedSet(content: portal, strings: strings, time: FeedTime(identifier: content.site.timeZone))
        let announced = FeedSet.siteFeeds(strings: strings) + feeds.types.flatMap { FeedSet.typeFeeds($0, strings: strings) }

        var pages: [(path: String, template: String, view: Any)] = [
            (HomePage.path, "home", HomePage(content: portal, layouts: layouts, feeds: announced)),
            (AboutPage.path, "about", AboutPage(content: portal, layouts: layouts, feeds: announced)),
            (SearchPage.path, "search", SearchPage(content: portal, layouts: layouts)),
            (NotFoundPage.path, "not-found", NotFoundPage(content: portal, layouts: layouts)),
        ]
        pages += portal.records.map { ($0.path, "record", RecordPage($0, content: portal, layouts: layouts)) }
        pages += ArchivePages(content: portal, layouts: layouts).all().map { ($0.path, $0.template, $0.view) }

        var files = try pages.map { OutputFile($0.path, try renderer.render($0.view, with: $0.template)) }
        files += feeds.files()
        files += [
            OutputFile(SitePaths.calendar, PostingCalendar(content: portal, strings: strings).file()),
            OutputFile(SitePaths.recordsAPI, RecordsAPI(content: portal).file()),
            OutputFile(SitePaths.recordsSchema, Data(RecordsAPI.schema.utf8)),
            OutputFile(SitePaths.searchIndex, SearchIndex.file(content: portal)),
            OutputFile(SitePaths.sitemap, Sitemap.file(pages: pages.map(\.path), content: portal)),
            OutputFile(SitePaths.robots, Sitemap.robots(content: portal)),
        ]
        files += theme.assets.map { OutputFile("assets/" + $0.key, $0.value) }
        for entry in portal.records {
            for path in entry.record.attachments {
                guard let source = attachments[path] else { throw BuildError.attachmentNotLocated(path, record: entry.record.file) }
                files.append(OutputFile(SitePaths.attachment(path), copying: source))
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        return BuiltSite(files: files, records: portal.records.count, pages: pages.count,
                         openPostings: portal.openPostings.count, upcomingPostings: portal.upcomingPostings.count)
    }
}

/// Every file of a built site, with the counts the command reports.
public struct BuiltSite: Sendable {
    public let files: [OutputFile]
    public let records: Int
    public let pages: Int
    public let openPostings: Int
    public let upcomingPostings: Int
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
