import Disclosure
import Compliance

/// The one-sentence posting status shown above a record's title and beside it in lists, in the
/// style of GOV.UK's consultation banners: what is happening, the date in full, and the day the
/// sentence was true. The data attributes let assets/banner.js say the same for the reader's day,
/// so a site built days ago does not lie; without JavaScript the build-day text stands.
struct PostingBanner: Sendable {
    /// `upcoming`, `open`, `permanent` or `ended`: the CSS modifier and the script's starting point.
    let key: String
    let sentence: String
    /// "Còn 11 ngày." for open postings, "Còn 3 ngày nữa." for upcoming ones.
    let daysLeft: String?
    let asOf: String
    // The period, ISO dates, for the data attributes.
    let start: String
    let days: String?
    let end: String?
    let legalEnd: String?
    let asOfDay: String

    init(schedule: PostingSchedule, status: PostingStatus, asOf day: Day, strings t: PortalStrings) {
        key = status.key
        let values = Self.values(schedule)
        switch status {
        case .upcoming(_, let inDays):
            sentence = PortalStrings.fill(t.postingUpcoming, values)
            daysLeft = PortalStrings.fill(t.postingStartsIn, ["n": String(inDays)])
        case .open(let dayNumber, _, let left):
            var v = values
            v["day"] = String(dayNumber)
            sentence = PortalStrings.fill(schedule.isShifted ? t.postingOpenShifted : t.postingOpen, v)
            daysLeft = left == 0 ? t.postingLastDay : PortalStrings.fill(t.postingDaysLeft, ["n": String(left)])
        case .permanent:
            sentence = PortalStrings.fill(t.postingPermanent, values)
            daysLeft = nil
        case .ended(let on):
            sentence = PortalStrings.fill(t.postingEnded, ["end": on.vietnamese])
            daysLeft = nil
        }
        asOf = PortalStrings.fill(t.postingAsOf, ["date": day.vietnamese])
        start = schedule.start.iso
        days = schedule.days.map(String.init)
        end = schedule.end?.iso
        legalEnd = schedule.legalEnd?.iso
        asOfDay = day.iso
    }

    private static func values(_ schedule: PostingSchedule) -> [String: String] {
        var values = ["start": schedule.start.vietnamese]
        if let days = schedule.days { values["days"] = String(days) }
        if let end = schedule.end { values["end"] = end.vietnamese }
        if let legalEnd = schedule.legalEnd { values["legalEnd"] = legalEnd.vietnamese }
        return values
    }
}

// MARK: Template fields

extension PostingBanner: TemplateView {
    static let templateFields = TemplateFieldTable<PostingBanner>([
        "key": { .text($0.key) },
        "sentence": { .text($0.sentence) },
        "daysLeft": { $0.daysLeft.map(TemplateValue.text) },
        "asOf": { .text($0.asOf) },
        "start": { .text($0.start) },
        "days": { $0.days.map(TemplateValue.text) },
        "end": { $0.end.map(TemplateValue.text) },
        "legalEnd": { $0.legalEnd.map(TemplateValue.text) },
        "asOfDay": { .text($0.asOfDay) },
    ])
}
