import Disclosure

/// A paginated list of records (templates/list.mustache): a year, a month, a document type or a
/// disclosure category.
struct ListPage: Sendable {
    struct Group: Sendable {
        let heading: String?
        let headingHref: String?
        let records: [RecordSummary]
    }

    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let breadcrumbs: [Link]
    let heading: String
    let lead: String?
    let note: String?
    let related: [Link]
    let relatedHeading: String?
    let feeds: [Link]
    let hasFeeds: Bool
    let groups: [Group]
    let pagination: Pagination?
}

/// The page links below a long list: "Trang trước", 1, …, 7, 8, 9, 10, 11, …, 72, "Trang sau".
/// Long lists show the first and last pages and two on each side of the current one, with a gap
/// mark between: listing every page on every page made a 50,000-record archive quadratic (and
/// a row of 350 links is no help to a reader on a phone).
struct Pagination: Sendable {
    struct PageLink: Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
        /// Stands for the pages left out ("…"), not a link.
        let isGap: Bool
    }

    /// Lists up to this many pages show them all.
    static let allPagesUpTo = 9
    /// Pages shown on each side of the current one in a longer list.
    static let neighbours = 2

    let summary: String
    let previous: Link?
    let next: Link?
    let pages: [PageLink]

    init?(current: Int, total: Int, folder: String, from path: String, strings t: PortalStrings) {
        guard total > 1 else { return nil }
        func href(_ n: Int) -> String { SitePaths.link(from: path, to: SitePaths.page(n, of: folder)) }
        summary = PortalStrings.fill(t.pageOf, ["n": String(current), "total": String(total)])
        previous = current > 1 ? Link(label: t.previousPage, href: href(current - 1)) : nil
        next = current < total ? Link(label: t.nextPage, href: href(current + 1)) : nil
        var pages: [PageLink] = []
        var shown = 0
        for n in Self.shownPages(current: current, total: total) {
            if n > shown + 1 { pages.append(PageLink(label: "…", href: "", isCurrent: false, isGap: true)) }
            pages.append(PageLink(label: String(n), href: href(n), isCurrent: n == current, isGap: false))
            shown = n
        }
        self.pages = pages
    }

    /// The page numbers linked from page `current` of `total`, in order.
    static func shownPages(current: Int, total: Int) -> [Int] {
        guard total > allPagesUpTo else { return Array(1...total) }
        let around = max(1, current - neighbours)...min(total, current + neighbours)
        return Array(Set([1, total]).union(around)).sorted()
    }
}

/// A page that lists the lists (templates/hub.mustache): years, types or categories with counts.
struct HubPage: Sendable {
    struct Entry: Sendable {
        let label: String
        let href: String
        let count: String
        let detail: String?
        let children: [Link]
        let hasChildren: Bool
    }

    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let heading: String
    let lead: String?
    let entries: [Entry]
}

/// Builds every archive page: by year and month, by document type, by disclosure category.
struct ArchivePages {
    static let pageSize = 20

    let content: PortalContent
    let layouts: LayoutFactory

    var t: PortalStrings { layouts.strings }

    func all() -> [PendingPage] {
        yearPages() + typePages() + categoryPages()
    }

    // MARK: Years and months

    private func yearPages() -> [PendingPage] {
        let years = content.grouped(by: { $0.record.date.year }, order: >)
        var outputs: [PendingPage] = []
        var hubEntries: [HubPage.Entry] = []
        for (year, records) in years {
            let folder = SitePaths.year(year)
            let months = Dictionary(grouping: records) { $0.record.date.month }.keys.sorted(by: >)
            let monthTitle = { (month: Int) in PortalStrings.fill(t.monthHeading, ["month": month < 10 ? "0\(month)" : "\(month)", "year": String(year)]) }
            hubEntries.append(HubPage.Entry(
                label: PortalStrings.fill(t.yearHeading, ["year": String(year)]),
                href: SitePaths.link(from: SitePaths.archive, to: SitePaths.page(1, of: folder)),
                count: PortalStrings.fill(t.recordCount, ["n": String(records.count)]), detail: nil,
                children: months.map { Link(label: monthTitle($0), href: SitePaths.link(from: SitePaths.archive, to: SitePaths.page(1, of: SitePaths.month(year, $0)))) },
                hasChildren: !months.isEmpty))
            outputs += paginated(records, folder: folder, heading: PortalStrings.fill(t.yearHeading, ["year": String(year)]),
                                 section: .archive, parent: Link(label: t.navArchive, href: SitePaths.archive),
                                 groupedByMonth: true,
                                 related: { path in months.map { Link(label: monthTitle($0), href: SitePaths.link(from: path, to: SitePaths.page(1, of: SitePaths.month(year, $0)))) } },
                                 relatedHeading: t.monthsOfYear)
            for month in months {
                let inMonth = records.filter { $0.record.date.month == month }
                outputs += paginated(inMonth, folder: SitePaths.month(year, month), heading: monthTitle(month), section: .archive,
                                     parent: Link(label: PortalStrings.fill(t.yearHeading, ["year": String(year)]), href: SitePaths.page(1, of: folder)))
            }
        }
        let hub = HubPage(layout: layouts.layout(path: SitePaths.archive, title: t.archiveHeading, description: t.archiveLead, section: .archive),
                          t: layouts.templateStrings, heading: t.archiveHeading, lead: t.archiveLead, entries: hubEntries)
        return [PendingPage(path: SitePaths.archive, template: "hub", view: { hub })] + outputs
    }

    // MARK: Types

    private func typePages() -> [PendingPage] {
        let order = Dictionary(uniqueKeysWithValues: DocumentType.all.enumerated().map { ($1.code, $0) })
        let types = content.grouped(by: { $0.record.type.code }, order: { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) })
        var outputs: [PendingPage] = []
        var hubEntries: [HubPage.Entry] = []
        for (code, records) in types {
            let type = records[0].record.type
            let folder = SitePaths.type(ListingSlugs.type(type))
            hubEntries.append(HubPage.Entry(
                label: type.nameVI, href: SitePaths.link(from: SitePaths.types, to: SitePaths.page(1, of: folder)),
                count: PortalStrings.fill(t.recordCount, ["n": String(records.count)]), detail: code,
                children: [], hasChildren: false))
            let feeds = FeedSet.typeFeeds(type, strings: t)
            outputs += paginated(records, folder: folder, heading: type.nameVI, section: .types,
                                 parent: Link(label: t.navTypes, href: SitePaths.types), feeds: feeds)
        }
        let hub = HubPage(layout: layouts.layout(path: SitePaths.types, title: t.typesHeading, description: t.typesLead, section: .types),
                          t: layouts.templateStrings, heading: t.typesHeading, lead: t.typesLead, entries: hubEntries)
        return [PendingPage(path: SitePaths.types, template: "hub", view: { hub })] + outputs
    }

    // MARK: Categories

    private func categoryPages() -> [PendingPage] {
        let categories = content.grouped(by: { $0.record.category }, order: <)
        var outputs: [PendingPage] = []
        var hubEntries: [HubPage.Entry] = []
        for (category, records) in categories {
            let folder = SitePaths.category(ListingSlugs.category(category))
            let citation = category.citation.prefix(1).uppercased() + category.citation.dropFirst()
            hubEntries.append(HubPage.Entry(
                label: DisclosureItems.title(of: category), href: SitePaths.link(from: SitePaths.categories, to: SitePaths.page(1, of: folder)),
                count: PortalStrings.fill(t.recordCount, ["n": String(records.count)]), detail: citation,
                children: [], hasChildren: false))
            outputs += paginated(records, folder: folder, heading: DisclosureItems.title(of: category), section: .categories,
                                 parent: Link(label: t.navCategories, href: SitePaths.categories), note: citation)
        }
        let hub = HubPage(layout: layouts.layout(path: SitePaths.categories, title: t.categoriesHeading, description: t.categoriesLead, section: .categories),
                          t: layouts.templateStrings, heading: t.categoriesHeading, lead: t.categoriesLead, entries: hubEntries)
        return [PendingPage(path: SitePaths.categories, template: "hub", view: { hub })] + outputs
    }

    // MARK: Pagination

    /// Pages of `pageSize` records in `folder`. `parent.href` is a path in Site/, made relative per page.
    private func paginated(_ records: [PortalRecord], folder: String, heading: String, section: NavSection, parent: Link,
                           note: String? = nil, groupedByMonth: Bool = false,
                           related: @escaping (String) -> [Link] = { _ in [] }, relatedHeading: String? = nil,
                           feeds: [FeedLink] = []) -> [PendingPage] {
        let total = max(1, (records.count + Self.pageSize - 1) / Self.pageSize)
        return (1...total).map { n in
            let path = SitePaths.page(n, of: folder)
            return PendingPage(path: path, template: "list") { page(n) }
        }
        func page(_ n: Int) -> ListPage {
            let path = SitePaths.page(n, of: folder)
            let slice = Array(records.dropFirst((n - 1) * Self.pageSize).prefix(Self.pageSize))
            let summaries = slice.map { RecordSummary($0, from: path, asOf: content.asOf, strings: t) }
            var groups: [ListPage.Group] = []
            if groupedByMonth {
                for (entry, summary) in zip(slice, summaries) {
                    let date = entry.record.date
                    let title = PortalStrings.fill(t.monthHeading, ["month": date.month < 10 ? "0\(date.month)" : "\(date.month)", "year": String(date.year)])
                    if groups.last?.heading == title {
                        let last = groups.removeLast()
                        groups.append(ListPage.Group(heading: last.heading, headingHref: last.headingHref, records: last.records + [summary]))
                    } else {
                        groups.append(ListPage.Group(heading: title, headingHref: SitePaths.link(from: path, to: SitePaths.page(1, of: SitePaths.month(date.year, date.month))), records: [summary]))
                    }
                }
            } else {
                groups = [ListPage.Group(heading: nil, headingHref: nil, records: summaries)]
            }
            let pageTitle = total > 1 ? "\(heading) – \(PortalStrings.fill(t.pageLabel, ["n": String(n)]))" : heading
            let view = ListPage(
                layout: layouts.layout(path: path, title: pageTitle, section: section,
                                       alternates: feeds.map { ($0.mediaType, $0.title, $0.path) },
                                       scripts: slice.contains { $0.schedule != nil } ? [.banner] : []),
                t: layouts.templateStrings,
                breadcrumbs: [Link(label: t.navHome, href: SitePaths.link(from: path, to: SitePaths.home)),
                              Link(label: parent.label, href: SitePaths.link(from: path, to: parent.href))],
                heading: heading, lead: PortalStrings.fill(t.recordCount, ["n": String(records.count)]), note: note,
                related: related(path), relatedHeading: relatedHeading,
                feeds: feeds.map { Link(label: $0.title, href: SitePaths.link(from: path, to: $0.path)) },
                hasFeeds: !feeds.isEmpty,
                groups: groups,
                pagination: Pagination(current: n, total: total, folder: folder, from: path, strings: t))
            return view
        }
    }
}

// MARK: Template fields

extension ListPage: TemplateView {
    static let templateFields = TemplateFieldTable<ListPage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "breadcrumbs": { .objects($0.breadcrumbs) },
        "heading": { .text($0.heading) },
        "lead": { $0.lead.map(TemplateValue.text) },
        "note": { $0.note.map(TemplateValue.text) },
        "related": { .objects($0.related) },
        "relatedHeading": { $0.relatedHeading.map(TemplateValue.text) },
        "feeds": { .objects($0.feeds) },
        "hasFeeds": { .bool($0.hasFeeds) },
        "groups": { .objects($0.groups) },
        "pagination": { $0.pagination.map(TemplateValue.object) },
    ])
}

extension ListPage.Group: TemplateView {
    static let templateFields = TemplateFieldTable<ListPage.Group>([
        "heading": { $0.heading.map(TemplateValue.text) },
        "headingHref": { $0.headingHref.map(TemplateValue.text) },
        "records": { .objects($0.records) },
    ])
}

extension Pagination: TemplateView {
    static let templateFields = TemplateFieldTable<Pagination>([
        "summary": { .text($0.summary) },
        "previous": { $0.previous.map(TemplateValue.object) },
        "next": { $0.next.map(TemplateValue.object) },
        "pages": { .objects($0.pages) },
    ])
}

extension Pagination.PageLink: TemplateView {
    static let templateFields = TemplateFieldTable<Pagination.PageLink>([
        "label": { .text($0.label) },
        "href": { .text($0.href) },
        "isCurrent": { .bool($0.isCurrent) },
        "isGap": { .bool($0.isGap) },
    ])
}

extension HubPage: TemplateView {
    static let templateFields = TemplateFieldTable<HubPage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "heading": { .text($0.heading) },
        "lead": { $0.lead.map(TemplateValue.text) },
        "entries": { .objects($0.entries) },
    ])
}

extension HubPage.Entry: TemplateView {
    static let templateFields = TemplateFieldTable<HubPage.Entry>([
        "label": { .text($0.label) },
        "href": { .text($0.href) },
        "count": { .text($0.count) },
        "detail": { $0.detail.map(TemplateValue.text) },
        "children": { .objects($0.children) },
        "hasChildren": { .bool($0.hasChildren) },
    ])
}
