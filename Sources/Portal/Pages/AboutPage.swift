import Disclosure
import Compliance

/// "About the portal" (templates/about.mustache): what the commune discloses, where, in what form,
/// how soon and for how long, item by item (Law on Access to Information Art. 19(g)); how periods
/// are counted; the machine-readable outputs.
struct AboutPage: Sendable {
    struct Regime: Sendable {
        let heading: String
        let rows: [Row]
    }

    struct Row: Sendable {
        let item: String
        let citation: String
        let place: String
        let timing: String
        let duration: String
        let count: String
        let href: String?
    }

    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let heading: String
    let lead: String
    let regimes: [Regime]
    let data: [Link]

    static let path = SitePaths.about

    init(content: PortalContent, layouts: LayoutFactory, feeds: [FeedLink]) {
        let t = layouts.strings
        let path = Self.path
        let issuer = content.site.issuer
        var counts: [DisclosureCategory: Int] = [:]
        for entry in content.records { if let c = entry.record.category { counts[c, default: 0] += 1 } }
        layout = layouts.layout(path: path, title: t.aboutHeading, description: t.aboutListLead, section: .about)
        self.t = layouts.templateStrings
        heading = t.aboutHeading
        lead = PortalStrings.fill(t.aboutLead, ["issuer": issuer])
        regimes = DisclosureCategory.Regime.allCases.map { regime in
            let rows = DisclosureItems.all.filter { $0.regime == regime }.map { category -> Row in
                let rule = Self.rule(for: category, settings: content.policy.settings)
                let place: String
                switch regime {
                case .law: place = PortalStrings.fill((7...12).contains(category.item) ? t.aboutWhereLawRadio : t.aboutWhereLaw, ["issuer": issuer])
                case .agency: place = t.aboutWhereAgency
                }
                let count = counts[category] ?? 0
                return Row(
                    item: DisclosureItems.title(of: category),
                    citation: category.citation.prefix(1).uppercased() + category.citation.dropFirst(),
                    place: place,
                    timing: PortalStrings.fill(t.aboutWhen, ["n": String(rule.deadlineWorkingDays)]),
                    duration: rule.permanent ? t.aboutPermanent : PortalStrings.fill(t.aboutDuration, ["n": String(rule.minDays ?? 0)]),
                    count: String(count),
                    href: count > 0 ? SitePaths.link(from: path, to: SitePaths.page(1, of: SitePaths.category(ListingSlugs.category(category)))) : nil)
            }
            return Regime(heading: regime == .law ? t.aboutRegimeLaw : t.aboutRegimeAgency, rows: rows)
        }
        data = feeds.filter(\.isSiteWide).map { Link(label: $0.title, href: SitePaths.link(from: path, to: $0.path)) }
            + [Link(label: t.recordsSchema, href: SitePaths.link(from: path, to: SitePaths.recordsSchema))]
            + [Link(label: LedgerPageView.title, href: SitePaths.link(from: path, to: LedgerPageView.path))]  // ledger
    }

    /// The Law 10/2022 default for a category with the commune's `site.yml` overrides for its
    /// regime and for the category itself laid over it (per-type and per-record rules do not apply
    /// to a whole category).
    static func rule(for category: DisclosureCategory, settings: PolicySettings) -> PostingRule {
        var rule = DisclosurePolicy.defaultRule(for: category)
        for case let o? in [settings.regimes[category.regime.rawValue], settings.categories[category.description]] {
            if let days = o.minDays { rule.minDays = days; rule.permanent = false }
            if let deadline = o.deadlineWorkingDays { rule.deadlineWorkingDays = deadline }
            if let permanent = o.permanent { rule.permanent = permanent }
        }
        return rule
    }
}

/// The search page (templates/search.mustache): a form, and every record listed so that the page
/// is useful without JavaScript; assets/search.js filters the list with search-index.json.
struct SearchPage: Sendable {
    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let heading: String
    let status: String
    let indexHref: String
    let records: [RecordSummary]

    static let path = SitePaths.search

    init(content: PortalContent, layouts: LayoutFactory) {
        let t = layouts.strings
        let path = Self.path
        layout = layouts.layout(path: path, title: t.searchHeading, section: .search, scripts: [.banner, .search])
        self.t = layouts.templateStrings
        heading = t.searchHeading
        status = PortalStrings.fill(t.searchAll, ["n": String(content.records.count)])
        indexHref = SitePaths.link(from: path, to: SitePaths.searchIndex)
        records = content.records.map { RecordSummary($0, from: path, asOf: content.asOf, strings: t) }
    }
}

/// 404.html: served for any missing address at any depth, so its links start at the base path.
struct NotFoundPage: Sendable {
    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let heading: String
    let text: String
    let links: [Link]

    static let path = SitePaths.notFound

    init(content: PortalContent, layouts: LayoutFactory) {
        let t = layouts.strings
        layout = layouts.layout(path: Self.path, title: t.notFoundHeading, section: nil, rootRelative: true)
        self.t = layouts.templateStrings
        heading = t.notFoundHeading
        text = t.notFoundText
        let root = content.urls.rootPath
        links = [(t.navHome, SitePaths.home), (t.navSearch, SitePaths.search), (t.navArchive, SitePaths.archive)]
            .map { Link(label: $0.0, href: root + $0.1) }
    }
}

// MARK: Template fields

extension AboutPage: TemplateView {
    static let templateFields = TemplateFieldTable<AboutPage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "heading": { .text($0.heading) },
        "lead": { .text($0.lead) },
        "regimes": { .objects($0.regimes) },
        "data": { .objects($0.data) },
    ])
}

extension AboutPage.Regime: TemplateView {
    static let templateFields = TemplateFieldTable<AboutPage.Regime>([
        "heading": { .text($0.heading) },
        "rows": { .objects($0.rows) },
    ])
}

extension AboutPage.Row: TemplateView {
    static let templateFields = TemplateFieldTable<AboutPage.Row>([
        "item": { .text($0.item) },
        "citation": { .text($0.citation) },
        "place": { .text($0.place) },
        "timing": { .text($0.timing) },
        "duration": { .text($0.duration) },
        "count": { .text($0.count) },
        "href": { $0.href.map(TemplateValue.text) },
    ])
}

extension SearchPage: TemplateView {
    static let templateFields = TemplateFieldTable<SearchPage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "heading": { .text($0.heading) },
        "status": { .text($0.status) },
        "indexHref": { .text($0.indexHref) },
        "records": { .objects($0.records) },
    ])
}

extension NotFoundPage: TemplateView {
    static let templateFields = TemplateFieldTable<NotFoundPage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "heading": { .text($0.heading) },
        "text": { .text($0.text) },
        "links": { .objects($0.links) },
    ])
}
