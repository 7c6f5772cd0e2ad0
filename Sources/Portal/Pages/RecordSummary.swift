import Disclosure

/// One record in a list: home sections, archives, search.
struct RecordSummary: Sendable {
    let id: String
    let href: String
    let title: String
    /// "Kế hoạch số 127/KH-UBND" or "Biên bản niêm yết".
    let kind: String
    let date: String
    let dateISO: String
    let isDraft: Bool
    let posting: PostingBanner?
    let feedbackUntil: String?

    /// `strings` is borrowed: it is a large table, and lists make thousands of summaries.
    init(_ entry: PortalRecord, from page: String, asOf: Day, strings t: borrowing PortalStrings) {
        let record = entry.record
        id = record.id
        href = SitePaths.link(from: page, to: entry.path)
        title = record.title
        kind = RecordSummary.kind(of: record)
        date = record.date.vietnamese
        dateISO = record.date.iso
        isDraft = record.isDraft
        if let schedule = entry.schedule, let status = entry.status {
            posting = PostingBanner(schedule: schedule, status: status, asOf: asOf, strings: t)
        } else {
            posting = nil
        }
        if let until = record.posting?.feedbackUntil {
            feedbackUntil = PortalStrings.fill(t.feedbackUntil, ["date": until.vietnamese] as KeyValuePairs<String, String>)
        } else {
            feedbackUntil = nil
        }
    }

    /// The display name, with the kind of minutes when a BB record says which.
    static func kind(of record: Record) -> String {
        if record.number == nil, let minutes = record.minutes { return minutes.vietnamese }
        return record.displayName
    }
}

// MARK: Template fields

extension RecordSummary: TemplateView {
    static let templateFields = TemplateFieldTable<RecordSummary>([
        "id": { .text($0.id) },
        "href": { .text($0.href) },
        "title": { .text($0.title) },
        "kind": { .text($0.kind) },
        "date": { .text($0.date) },
        "dateISO": { .text($0.dateISO) },
        "isDraft": { .bool($0.isDraft) },
        "posting": { $0.posting.map(TemplateValue.object) },
        "feedbackUntil": { $0.feedbackUntil.map(TemplateValue.text) },
    ])
}
