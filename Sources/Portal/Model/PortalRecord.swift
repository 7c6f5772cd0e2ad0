import Foundation
import Disclosure
import Compliance

/// A published record as the portal shows it: where it lives, its posting period and status on the
/// build day, and its body rendered once. A class: lists, sorts and pages pass records around by
/// the thousand, and a struct holding a whole `Record` was copied field by field each time.
final class PortalRecord: Sendable {
    let record: Record
    let path: String
    let schedule: PostingSchedule?
    let status: PostingStatus?
    /// The body's first words, as the search index holds them (`SearchIndex.excerpt`).
    let searchExcerpt: String
    private let rendered: RenderedBodyBox

    var id: RecordID { record.id }
    /// The body as HTML and plain text. An incremental build that took the record from its cache
    /// renders it only if a page asks for it (`IncrementalBuild`).
    var body: RenderedBody { rendered.value }

    /// The ids a record page uses for its own sections; body headings must not take them.
    static let pageSectionIDs: Set<String> = [
        "main", "thong-tin", "gop-y", "muc-luc", "noi-dung", "ky", "nguoi-ky", "noi-nhan", "y-kien", "tep-dinh-kem",
        "ho-so", "ghi-chu", "footer-contact", "footer-data",
    ]

    /// Renders the record's body now.
    convenience init(record: Record, calendar: WorkingDayCalendar, asOf: Day) {
        let body = Self.render(record)
        self.init(record: record, calendar: calendar, asOf: asOf, searchExcerpt: SearchIndex.excerpt(of: body.plainText),
                  body: RenderedBodyBox(body))
    }

    /// A record whose body is rendered when first asked for, by `body`.
    convenience init(record: Record, calendar: WorkingDayCalendar, asOf: Day, searchExcerpt: String,
                     body: @escaping @Sendable () -> RenderedBody) {
        self.init(record: record, calendar: calendar, asOf: asOf, searchExcerpt: searchExcerpt, body: RenderedBodyBox(body))
    }

    private init(record: Record, calendar: WorkingDayCalendar, asOf: Day, searchExcerpt: String, body: RenderedBodyBox) {
        self.record = record
        path = SitePaths.record(record.id)
        if let posting = record.posting {
            let schedule = PostingSchedule(posting: posting, calendar: calendar)
            self.schedule = schedule
            status = schedule.status(on: asOf)
        } else {
            schedule = nil
            status = nil
        }
        self.searchExcerpt = searchExcerpt
        rendered = body
    }

    static func render(_ record: Record) -> RenderedBody {
        BodyRenderer.render(record.body, outline: record.outline, reservedIDs: pageSectionIDs)
    }

    /// Newest first; same day: higher number first, then by id, so listings never depend on file order.
    static func newestFirst(_ a: PortalRecord, _ b: PortalRecord) -> Bool {
        if a.record.date != b.record.date { return a.record.date > b.record.date }
        let na = a.record.number?.number ?? 0, nb = b.record.number?.number ?? 0
        if na != nb { return na > nb }
        return a.id < b.id
    }
}

/// A rendered body, or the way to render it on first use (under a lock: pages render on all cores).
private final class RenderedBodyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var body: RenderedBody?
    private var render: (@Sendable () -> RenderedBody)?

    init(_ body: RenderedBody) { self.body = body }
    init(_ render: @escaping @Sendable () -> RenderedBody) { self.render = render }

    var value: RenderedBody {
        lock.lock()
        defer { lock.unlock() }
        if let body { return body }
        let made = render!()
        body = made
        render = nil
        return made
    }
}
