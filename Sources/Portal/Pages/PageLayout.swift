import Foundation
import Disclosure

/// What every page shares: head, header, navigation and footer (templates/layout.mustache).
/// Each page view holds one as `layout`, beside the strings table as `t`.
///
/// A class (immutable): the templates read `layout.…` some 25 times per page, and handing them a
/// reference costs nothing where a struct of this size is copied each time.
final class PageLayout: Sendable {
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

    final class Footer: Sendable {
        let issuer: String
        let address: String?
        let email: String?
        let emailHref: String?
        let phone: String?
        let data: [Link]
        let asOf: String
        let generator: String

        init(issuer: String, address: String?, email: String?, emailHref: String?, phone: String?, data: [Link],
             asOf: String, generator: String) {
            self.issuer = issuer
            self.address = address
            self.email = email
            self.emailHref = emailHref
            self.phone = phone
            self.data = data
            self.asOf = asOf
            self.generator = generator
        }
    }

    init(lang: String, title: String, description: String?, canonical: String, root: String, homeHref: String,
         siteName: String, siteArea: String?, nav: [NavItem], alternates: [Alternate], structuredData: String?,
         scriptTexts: String?, scripts: [Link], footer: Footer) {
        self.lang = lang
        self.title = title
        self.description = description
        self.canonical = canonical
        self.root = root
        self.homeHref = homeHref
        self.siteName = siteName
        self.siteArea = siteArea
        self.nav = nav
        self.alternates = alternates
        self.structuredData = structuredData
        self.scriptTexts = scriptTexts
        self.scripts = scripts
        self.footer = footer
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
    /// The strings as the templates read them (`t`), one table for every page of the build.
    let templateStrings: TemplateStrings
    /// The scripts' texts as script-safe JSON: the same on every page, so encoded once.
    private let scriptTexts: String

    init(content: PortalContent, strings: PortalStrings) {
        self.content = content
        self.strings = strings
        templateStrings = TemplateStrings(strings)
        scriptTexts = ScriptJSON.encode(strings.scriptTexts.merging(["timeZone": content.site.timeZone.identifier]) { a, _ in a })
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

// MARK: Template fields

extension PageLayout: TemplateView {
    static let templateFields = TemplateFieldTable<PageLayout>([
        "lang": { .text($0.lang) },
        "title": { .text($0.title) },
        "description": { $0.description.map(TemplateValue.text) },
        "canonical": { .text($0.canonical) },
        "root": { .text($0.root) },
        "homeHref": { .text($0.homeHref) },
        "siteName": { .text($0.siteName) },
        "siteArea": { $0.siteArea.map(TemplateValue.text) },
        "nav": { .objects($0.nav) },
        "alternates": { .objects($0.alternates) },
        "structuredData": { $0.structuredData.map(TemplateValue.text) },
        "scriptTexts": { $0.scriptTexts.map(TemplateValue.text) },
        "scripts": { .objects($0.scripts) },
        "footer": { .object($0.footer) },
    ])
}

extension PageLayout.NavItem: TemplateView {
    static let templateFields = TemplateFieldTable<PageLayout.NavItem>([
        "label": { .text($0.label) },
        "href": { .text($0.href) },
        "current": { .bool($0.current) },
    ])
}

extension PageLayout.Alternate: TemplateView {
    static let templateFields = TemplateFieldTable<PageLayout.Alternate>([
        "type": { .text($0.type) },
        "title": { .text($0.title) },
        "href": { .text($0.href) },
    ])
}

extension PageLayout.Footer: TemplateView {
    static let templateFields = TemplateFieldTable<PageLayout.Footer>([
        "issuer": { .text($0.issuer) },
        "address": { $0.address.map(TemplateValue.text) },
        "email": { $0.email.map(TemplateValue.text) },
        "emailHref": { $0.emailHref.map(TemplateValue.text) },
        "phone": { $0.phone.map(TemplateValue.text) },
        "data": { .objects($0.data) },
        "asOf": { .text($0.asOf) },
        "generator": { .text($0.generator) },
    ])
}

extension Link: TemplateView {
    static let templateFields = TemplateFieldTable<Link>([
        "label": { .text($0.label) },
        "href": { .text($0.href) },
    ])
}
