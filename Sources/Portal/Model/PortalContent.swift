import Disclosure
import Compliance

/// The published content arranged for rendering: records newest first, their links in both
/// directions, their dossiers and the groupings the archives list. Unpublished records
/// (`publish: false`, drafts never posted) and every `private:` value are dropped here, so nothing
/// downstream can write them anywhere.
struct PortalContent: Sendable {
    let site: SiteConfig
    let asOf: Day
    let urls: SiteURLs
    let policy: DisclosurePolicy
    /// Newest first.
    let records: [PortalRecord]
    /// Records that cite a record or are about it (`subject`), newest first.
    let citedBy: [RecordID: [RecordID]]
    /// The dossiers each record belongs to.
    let dossiers: [RecordID: [Dossier]]
    private let positions: [RecordID: Int]

    init(content: LoadedContent, book: RuleBook, asOf: Day, urls: SiteURLs) {
        // Public records only, without their private data (PublicView.swift: `publicContent`).
        let published = content.publicContent.records
        // Bodies are rendered here, each once, on all cores.
        let records = Parallel.map(published, chunk: 8) { PortalRecord(record: $0, calendar: book.calendar, asOf: asOf) }
        self.init(site: content.site, records: records, policy: book.policy, asOf: asOf, urls: urls)
    }

    /// - Parameter records: the public records (`LoadedContent.publicContent`), in any order.
    init(site: SiteConfig, records unsorted: [PortalRecord], policy: DisclosurePolicy, asOf: Day, urls: SiteURLs) {
        self.site = site
        self.asOf = asOf
        self.urls = urls
        self.policy = policy
        let records = unsorted.sorted(by: PortalRecord.newestFirst)
        self.records = records
        let positions = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.positions = positions

        var citedBy: [RecordID: [RecordID]] = [:]
        var citations: [RecordID: [RecordID]] = [:]
        for entry in records {
            let cited = entry.record.references.compactMap(\.target).filter { positions[$0] != nil }
            for target in Set(cited) where target != entry.id { citations[target, default: []].append(entry.id) }
            for target in Set(cited + [entry.record.subject].compactMap { $0 }) where target != entry.id && positions[target] != nil {
                citedBy[target, default: []].append(entry.id)
            }
        }
        self.citedBy = citedBy
        var dossiers: [RecordID: [Dossier]] = [:]
        for dossier in Dossier.all(records: records, citations: citations) {
            for paper in dossier.papers { dossiers[paper.id, default: []].append(dossier) }
        }
        self.dossiers = dossiers
    }

    func record(_ id: RecordID) -> PortalRecord? { positions[id].map { records[$0] } }

    var openPostings: [PortalRecord] { records.filter { $0.status.map(\.isOpen) ?? false } }

    /// Upcoming postings, the soonest first.
    var upcomingPostings: [PortalRecord] {
        records.filter { if case .upcoming = $0.status { true } else { false } }
            .sorted { ($0.schedule!.start, $0.id) < ($1.schedule!.start, $1.id) }
    }

    /// Postings that ended within `days` before the build day, the latest first.
    func endedPostings(within days: Int) -> [PortalRecord] {
        let since = asOf.adding(days: -days)
        return records.compactMap { entry -> (PortalRecord, Day)? in
            guard case .ended(let on) = entry.status, on >= since else { return nil }
            return (entry, on)
        }
        .sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }
        .map(\.0)
    }

    /// Records grouped by a key, groups in the order of `order`, records newest first.
    func grouped<Key: Hashable>(by key: (PortalRecord) -> Key?, order: (Key, Key) -> Bool) -> [(key: Key, records: [PortalRecord])] {
        var groups: [Key: [PortalRecord]] = [:]
        for entry in records { if let k = key(entry) { groups[k, default: []].append(entry) } }
        return groups.keys.sorted(by: order).map { ($0, groups[$0]!) }
    }
}
