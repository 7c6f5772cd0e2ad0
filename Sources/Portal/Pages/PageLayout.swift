import Foundation
import Disclosure

/// What every page shares: head, header, navigation and footer (templates/layout.mustache).
/// Each page view holds one as `layout`, beside the strings table as `t`.
struct PageLayout: Sendable {
    struct NavItem: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    struct Alternate: Sendable {
        let type: String
        let title: String
        let href: String
    }

    let lang: String
    /// The `<title>`: the page's own title, then the portal's name.
    let title: String
    let description: String?
    let canonical: String
    /// The prefix that leads from this page to the site root (`../../`, or the base path on 404.html).
    let root: String
    let homeHref: String
    let siteName: String
    let siteArea: String?
    let nav: [NavItem]
    let alternates: [Alternate]
    /// JSON-LD, already made safe to sit inside `<script>` (see `ScriptJSON`).
    let structuredData: String?
    /// The texts the scripts need, as script-safe JSON; present when the page has scripts.
    let scriptTexts: String?
    let scripts: [Link]
    let footer: Footer

    struct Footer: Sendable {
        let issuer: String
        let address: String?
        let email: String?
        let emailHref: String?
        let phone: String?
        let data: [Link]
        let asOf: String
        let generator: String
    }
}

/// A labelled link, the smallest piece of most views.
struct Link: Sendable {
    let label: String
    let href: String
}

/// The navigation sections, to mark the current one.
enum NavSection: CaseIterable {
    case home, archive, types, categories, search, about
}

/// Builds page layouts for one build: the site, its strings and its scripts' texts are fixed.
struct LayoutFactory: Sendable {
    let content: PortalContent
    let strings: PortalStrings
    /// The scripts' texts as script-safe JSON: the same on every page, so encoded once.
    private let scriptTexts: String

    init(content: PortalContent, strings: PortalStrings) {
        self.content = content
        self.strings = strings
        scriptTexts = ScriptJSON.encode(strings.scriptTexts.merging(["timeZone": content.site.timeZone]) { a, _ in a })
    }

    enum Script: String {
        case banner = "assets/banner.js"
        case search = "assets/search.js"
    }

    /// - Parameters:
    ///   - path: the page's path in Site/; links are made relative to it.
    ///   - rootRelative: for 404.html, which is served at any depth: links start at the base path.
    func layout(path: String, title: String?, description: String? = nil, section: NavSection?,
                alternates: [(type: String, title: String, path: String)] = [],
                structuredData: String? = nil, scripts: [Script] = [], rootRelative: Bool = false) -> PageLayout {
        let site = content.site
        let t = strings
        let root = rootRelative ? content.urls.rootPath : SitePaths.root(from: path)
        func href(_ target: String) -> String { root + SitePaths.percentEncoded(target) }
        let navTargets: [(NavSection, String, String)] = [
            (.home, t.navHome, SitePaths.home), (.archive, t.navArchive, SitePaths.archive),
            (.types, t.navTypes, SitePaths.types), (.categories, t.navCategories, SitePaths.categories),
            (.search, t.navSearch, SitePaths.search), (.about, t.navAbout, SitePaths.about),
        ]
        let data = [
            Link(label: t.atomFeed, href: href(SitePaths.atomFeed)),
            Link(label: t.jsonFeed, href: href(SitePaths.jsonFeed)),
            Link(label: t.calendarFeed, href: href(SitePaths.calendar)),
            Link(label: t.recordsAPI, href: href(SitePaths.recordsAPI)),
        ]
        let email = site.contact.email.flatMap { $0.isEmpty ? nil : $0 }
        let area = [site.commune.isEmpty ? nil : site.commune, site.parent.isEmpty ? nil : site.parent]
            .compactMap { $0 }.joined(separator: ", ")
        return PageLayout(
            lang: site.language,
            title: title.map { "\($0) – \(site.name)" } ?? site.name,
            description: description,
            canonical: content.urls.absolute(path),
            root: root,
            homeHref: href(SitePaths.home),
            siteName: site.name,
            siteArea: area.isEmpty ? nil : area,
            nav: navTargets.map { PageLayout.NavItem(label: $1, href: href($2), current: $0 == section) },
            alternates: alternates.map { PageLayout.Alternate(type: $0.type, title: $0.title, href: href($0.path)) },
            structuredData: structuredData,
            scriptTexts: scripts.isEmpty ? nil : scriptTexts,
            scripts: scripts.map { Link(label: $0.rawValue, href: href($0.rawValue)) },
            footer: PageLayout.Footer(
                issuer: site.issuer,
                address: site.contact.address,
                email: email,
                emailHref: email.map { "mailto:" + $0 },
                phone: site.contact.phone,
                data: data,
                asOf: PortalStrings.fill(t.footerAsOf, ["date": content.asOf.vietnamese]),
                generator: PortalStrings.fill(t.footerGenerator, ["issuer": site.issuer])))
    }
}
