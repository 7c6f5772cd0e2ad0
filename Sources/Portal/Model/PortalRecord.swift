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
    let body: RenderedBody

    var id: RecordID { record.id }

    /// The ids a record page uses for its own sections; body headings must not take them.
    static let pageSectionIDs: Set<String> = [
        "main", "thong-tin", "gop-y", "muc-luc", "noi-dung", "ky", "nguoi-ky", "noi-nhan", "y-kien", "tep-dinh-kem",
        "ho-so", "ghi-chu", "footer-contact", "footer-data",
    ]

    init(record: Record, calendar: WorkingDayCalendar, asOf: Day) {
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
        body = BodyRenderer.render(record.body, outline: record.outline, reservedIDs: Self.pageSectionIDs)
    }

    /// Newest first; same day: higher number first, then by id, so listings never depend on file order.
    static func newestFirst(_ a: PortalRecord, _ b: PortalRecord) -> Bool {
        if a.record.date != b.record.date { return a.record.date > b.record.date }
        let na = a.record.number?.number ?? 0, nb = b.record.number?.number ?? 0
        if na != nb { return na > nb }
        return a.id < b.id
    }
}
