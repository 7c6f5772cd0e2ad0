import Disclosure

/// A period of N calendar days from day S, counted as the Civil Code 2015 counts it.
///
/// - Art. 147(2): the first day is not counted, so the period reaches the end of S + N
///   (`nominalEnd`). Posted 05/02/2024 for 20 days → 25/02/2024.
/// - Art. 148(5): when that last day is a weekend or holiday, the period ends at the end of the
///   next working day (`legalEnd`). 25/02/2024 is a Sunday → 26/02/2024. Whether this binds a
///   *minimum* posting duration is unsettled; a checker reports the shift as a warning.
/// - `inclusiveEnd` = S + N − 1: what counting the first day gives (a common mistake, one day
///   short), so a checker can recognise it and say so.
public struct CivilPeriod: Hashable, Sendable, CustomStringConvertible {
    public let start: Day
    public let days: Int
    /// S + N (Art. 147).
    public let nominalEnd: Day
    /// `nominalEnd`, or the next working day when it is a day off (Art. 148(5)).
    public let legalEnd: Day
    /// S + N − 1: the end when the first day is wrongly counted.
    public let inclusiveEnd: Day
    /// The days off from `nominalEnd` up to `legalEnd` (empty when not shifted).
    public let skipped: [DayOffRun]
    /// True when `nominalEnd` or `legalEnd` lies in a year without official holiday data.
    public let estimated: Bool

    public init(start: Day, days: Int, calendar: WorkingDayCalendar) {
        precondition(days >= 0, "a period has a non-negative length")
        self.start = start
        self.days = days
        nominalEnd = start.adding(days: days)
        inclusiveEnd = start.adding(days: days - 1)
        var end = nominalEnd
        var daysOff: [DayOff] = []
        while let off = calendar.dayOff(end) {
            daysOff.append(off)
            end = end.adding(days: 1)
        }
        legalEnd = end
        skipped = DayOffRun.runs(daysOff)
        estimated = calendar.isEstimated(nominalEnd) || calendar.isEstimated(legalEnd)
    }

    /// True when Art. 148(5) moves the end past the nominal end.
    public var isShifted: Bool { legalEnd != nominalEnd }

    /// "05/02/2024 + 20 ngày = 25/02/2024 → 26/02/2024 (25/02: nghỉ cuối tuần (Chủ nhật))"
    public var description: String {
        var text = "\(start.vietnamese) + \(days) ngày = \(nominalEnd.vietnamese)"
        if isShifted {
            text += " → \(legalEnd.vietnamese) (" + skipped.map(\.description).joined(separator: "; ") + ")"
        }
        return text + (estimated ? " [lịch nghỉ ước tính]" : "")
    }
}
