import Disclosure

/// The home page: what is posted now and until when, what comes next, what just ended, the latest
/// records, how to send comments, and where to browse or subscribe (templates/home.mustache).
struct HomePage: Sendable {
    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let heading: String
    let lead: String
    let postingAsOf: String
    let openNotices: [RecordSummary]
    let hasOpenNotices: Bool
    let upcomingNotices: [RecordSummary]
    let hasUpcomingNotices: Bool
    let endedNotices: [RecordSummary]
    let hasEndedNotices: Bool
    let latest: [RecordSummary]
    let allRecords: Link
    let feedback: String?
    let browse: [Link]
    let subscribe: [Link]

    static let latestCount = 10
    /// "Recently ended": within this many days before the build day.
    static let recentlyEndedDays = 60

    static let path = SitePaths.home

    init(content: PortalContent, layouts: LayoutFactory, feeds: [FeedLink]) {
        let t = layouts.strings
        let site = content.site
        let path = Self.path
        func summaries(_ entries: [PortalRecord]) -> [RecordSummary] {
            entries.map { RecordSummary($0, from: path, asOf: content.asOf, strings: t) }
        }
        layout = layouts.layout(path: path, title: nil, description: PortalStrings.fill(t.homeLead, ["commune": site.commune]),
                                section: .home, alternates: feeds.map { ($0.mediaType, $0.title, $0.path) }, scripts: [.banner])
        self.t = layouts.templateStrings
        heading = site.name
        lead = PortalStrings.fill(t.homeLead, ["commune": site.commune])
        postingAsOf = PortalStrings.fill(t.postingAsOf, ["date": content.asOf.vietnamese])
        openNotices = summaries(content.openPostings)
        hasOpenNotices = !openNotices.isEmpty
        upcomingNotices = summaries(content.upcomingPostings)
        hasUpcomingNotices = !upcomingNotices.isEmpty
        endedNotices = summaries(content.endedPostings(within: Self.recentlyEndedDays))
        hasEndedNotices = !endedNotices.isEmpty
        latest = summaries(Array(content.records.prefix(Self.latestCount)))
        allRecords = Link(label: t.homeAllRecords, href: SitePaths.link(from: path, to: SitePaths.archive))
        feedback = site.feedback.isEmpty ? nil : site.feedback
        browse = [
            Link(label: t.navArchive, href: SitePaths.link(from: path, to: SitePaths.archive)),
            Link(label: t.navTypes, href: SitePaths.link(from: path, to: SitePaths.types)),
            Link(label: t.navCategories, href: SitePaths.link(from: path, to: SitePaths.categories)),
            Link(label: t.navSearch, href: SitePaths.link(from: path, to: SitePaths.search)),
        ]
        subscribe = feeds.filter(\.isSiteWide).map { Link(label: $0.title, href: SitePaths.link(from: path, to: $0.path)) }
    }
}

/// A machine-readable output the home page announces with `<link rel="alternate">`.
struct FeedLink: Sendable {
    let path: String
    let mediaType: String
    let title: String
    /// The site-wide outputs (not one document type's feeds), listed for people too.
    let isSiteWide: Bool
}

// MARK: Template fields

extension HomePage: TemplateView {
    static let templateFields = TemplateFieldTable<HomePage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "heading": { .text($0.heading) },
        "lead": { .text($0.lead) },
        "postingAsOf": { .text($0.postingAsOf) },
        "openNotices": { .objects($0.openNotices) },
        "hasOpenNotices": { .bool($0.hasOpenNotices) },
        "upcomingNotices": { .objects($0.upcomingNotices) },
        "hasUpcomingNotices": { .bool($0.hasUpcomingNotices) },
        "endedNotices": { .objects($0.endedNotices) },
        "hasEndedNotices": { .bool($0.hasEndedNotices) },
        "latest": { .objects($0.latest) },
        "allRecords": { .object($0.allRecords) },
        "feedback": { $0.feedback.map(TemplateValue.text) },
        "browse": { .objects($0.browse) },
        "subscribe": { .objects($0.subscribe) },
    ])
}
