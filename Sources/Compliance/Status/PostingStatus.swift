import Disclosure

/// A posting's period as the law reads it: the start, the end as posted ("đến hết ngày …") and the
/// legal end, moved to the next working day when the posted end is a day off (Civil Code Art. 148(5)).
public struct PostingSchedule: Hashable, Sendable {
    public let start: Day
    /// Days as posted (Art. 147: the start day is not counted); nil for a permanent posting.
    public let days: Int?
    /// The last day as posted; nil for a permanent posting.
    public let end: Day?
    /// `end`, or the next working day when `end` is a weekend or holiday.
    public let legalEnd: Day?
    /// Why the legal end moved, when it did ("25/02/2024: Chủ nhật").
    public let shiftReason: DayOff?
    /// True when the legal end depends on holidays computed from the lunar calendar.
    public let estimated: Bool

    public init(posting: Posting, calendar: WorkingDayCalendar) {
        start = posting.start
        if posting.isPermanent && posting.end == nil {
            days = nil; end = nil; legalEnd = nil; shiftReason = nil; estimated = false
            return
        }
        let end = posting.end ?? posting.start.adding(days: posting.days ?? 0)
        self.end = end
        days = end.days(since: posting.start)
        let off = calendar.dayOff(end)
        shiftReason = off
        legalEnd = off == nil ? end : calendar.nextWorkingDay(after: end)
        estimated = calendar.isEstimated(end) || (off != nil && calendar.isEstimated(legalEnd!))
    }

    public var isShifted: Bool { legalEnd != end }

    /// Status on a day (DESIGN.md "Time"): upcoming before the start; open from the start through the
    /// legal end, with the day number = days elapsed since the start (0 on the start day), never above N.
    public func status(on day: Day) -> PostingStatus {
        if day < start { return .upcoming(startsOn: start, inDays: start.days(since: day)) }
        guard let legalEnd, let days else { return .permanent(since: start) }
        if day > legalEnd { return .ended(on: legalEnd) }
        return .open(day: min(day.days(since: start), days), of: days, daysLeft: legalEnd.days(since: day))
    }
}

public enum PostingStatus: Hashable, Sendable {
    case upcoming(startsOn: Day, inDays: Int)
    /// Day k of N; `daysLeft` counts to the legal end (0 on the last day).
    case open(day: Int, of: Int, daysLeft: Int)
    case permanent(since: Day)
    case ended(on: Day)

    /// A stable token for data attributes, CSS classes and the JSON API.
    public var key: String {
        switch self {
        case .upcoming: return "upcoming"
        case .open: return "open"
        case .permanent: return "permanent"
        case .ended: return "ended"
        }
    }

    public var isOpen: Bool {
        switch self {
        case .open, .permanent: return true
        default: return false
        }
    }
}
