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

    init(schedule: PostingSchedule, status: PostingStatus, asOf day: Day, strings t: borrowing PortalStrings) {
        key = status.key
        switch status {
        case .upcoming(_, let inDays):
            sentence = PortalStrings.fill(t.postingUpcoming, Self.values(schedule))
            daysLeft = PortalStrings.fill(t.postingStartsIn, ["n": String(inDays)] as KeyValuePairs<String, String>)
        case .open(let dayNumber, _, let left):
            sentence = PortalStrings.fill(schedule.isShifted ? t.postingOpenShifted : t.postingOpen,
                                          Self.values(schedule) + [("day", String(dayNumber))])
            daysLeft = left == 0 ? t.postingLastDay : PortalStrings.fill(t.postingDaysLeft, ["n": String(left)] as KeyValuePairs<String, String>)
        case .permanent:
            sentence = PortalStrings.fill(t.postingPermanent, Self.values(schedule))
            daysLeft = nil
        case .ended(let on):
            sentence = PortalStrings.fill(t.postingEnded, ["end": on.vietnamese] as KeyValuePairs<String, String>)
            daysLeft = nil
        }
        asOf = PortalStrings.fill(t.postingAsOf, ["date": day.vietnamese] as KeyValuePairs<String, String>)
        start = schedule.start.iso
        days = schedule.days.map(String.init)
        end = schedule.end?.iso
        legalEnd = schedule.legalEnd?.iso
        asOfDay = day.iso
    }

    /// The period's values for the sentences, as pairs: names are distinct, and a dictionary
    /// would be hashed for the one or two lookups a sentence makes.
    private static func values(_ schedule: PostingSchedule) -> [(key: String, value: String)] {
        var values = [(key: "start", value: schedule.start.vietnamese)]
        if let days = schedule.days { values.append(("days", String(days))) }
        if let end = schedule.end { values.append(("end", end.vietnamese)) }
        if let legalEnd = schedule.legalEnd { values.append(("legalEnd", legalEnd.vietnamese)) }
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
