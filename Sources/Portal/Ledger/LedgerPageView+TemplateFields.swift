// The ledger page's fields as templates/ledger.mustache reads them (see TemplateFields).

extension LedgerPageView: TemplateView {
    static let templateFields = TemplateFieldTable<LedgerPageView>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "heading": { .text($0.heading) },
        "head": { $0.head.map(TemplateValue.object) },
        "downloads": { .objects($0.downloads) },
        "hasDownloads": { .bool($0.hasDownloads) },
        "publications": { .objects($0.publications) },
        "hasPublications": { .bool($0.hasPublications) },
        "publicationsNote": { $0.publicationsNote.map(TemplateValue.text) },
        "verifyChain": { .text($0.verifyChain) },
        "verifySite": { .text($0.verifySite) },
    ])
}

extension LedgerPageView.Head: TemplateView {
    static let templateFields = TemplateFieldTable<LedgerPageView.Head>([
        "seq": { .number($0.seq) },
        "time": { .text($0.time) },
        "simulated": { .bool($0.simulated) },
        "hash": { .text($0.hash) },
        "siteDigest": { .text($0.siteDigest) },
    ])
}

extension LedgerPageView.Publication: TemplateView {
    static let templateFields = TemplateFieldTable<LedgerPageView.Publication>([
        "line": { .number($0.line) },
        "time": { .text($0.time) },
        "simulated": { .bool($0.simulated) },
        "notices": { .objects($0.notices) },
        "noNotices": { .bool($0.noNotices) },
        "siteDigest": { .text($0.siteDigest) },
    ])
}
