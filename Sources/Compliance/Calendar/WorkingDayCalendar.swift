import Disclosure

/// Why a day is not a working day of state agencies.
public struct DayOff: Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Saturday or Sunday (QĐ 188/1999/QĐ-TTg), outside any holiday break.
        case weekend(Weekday)
        /// A day of a holiday break: a holiday, a compensation or swapped day, or a weekend inside it.
        case holiday(NonWorkingPeriod)
    }

    public let day: Day
    public let reason: Reason
    /// True when the day off comes from computed (not announced) holiday data.
    public let estimated: Bool

    /// "nghỉ cuối tuần (Chủ nhật)" or the holiday's name.
    public var label: String {
        switch reason {
        case .weekend(let weekday): return "\(DayOffRun.weekendLabel) (\(weekday.vietnameseName))"
        case .holiday(let period): return period.name
        }
    }

    public var description: String { "\(day.vietnamese): \(label)" }
}

/// Consecutive days off for the same reason, as shown in an arithmetic trace:
/// "08/02–14/02: Tết Nguyên đán Giáp Thìn 2024", "17/02–18/02: nghỉ cuối tuần".
public struct DayOffRun: Hashable, Sendable, CustomStringConvertible {
    public let from: Day
    public let to: Day
    public let label: String
    /// The holiday break, when the run is part of one (nil for plain weekends).
    public let period: NonWorkingPeriod?
    public let estimated: Bool

    static let weekendLabel = "nghỉ cuối tuần"

    public var days: Int { to.days(since: from) + 1 }

    public var description: String {
        from == to ? "\(from.vietnameseShort): \(label)" : "\(from.vietnameseShort)–\(to.vietnameseShort): \(label)"
    }

    /// Groups days off (in date order) into runs of consecutive days with the same reason.
    static func runs(_ daysOff: [DayOff]) -> [DayOffRun] {
        var runs: [DayOffRun] = []
        var current: [DayOff] = []
        func close() {
            guard let first = current.first, let last = current.last else { return }
            let period: NonWorkingPeriod?
            if case .holiday(let p) = first.reason { period = p } else { period = nil }
            // A lone weekend day keeps its weekday in the label; Sat–Sun is just "the weekend".
            let label = period?.name ?? (current.count == 1 ? first.label : weekendLabel)
            runs.append(DayOffRun(from: first.day, to: last.day, label: label, period: period,
                                  estimated: current.contains { $0.estimated }))
            current = []
        }
        for off in daysOff {
            if let last = current.last,
               last.day.adding(days: 1) != off.day || groupKey(last) != groupKey(off) { close() }
            current.append(off)
        }
        close()
        return runs
    }

    private static func groupKey(_ off: DayOff) -> String {
        if case .holiday(let period) = off.reason { return "holiday:" + period.name }
        return "weekend"
    }
}

/// The result of counting working days forward (Civil Code 2015 Art. 147: the start day is
/// not counted), with the arithmetic to show it.
public struct WorkingDayCount: Hashable, Sendable, CustomStringConvertible {
    public let start: Day
    public let workingDays: Int
    /// The last counted working day: the deadline (the act is due by its end, Art. 148(1)).
    public let deadline: Day
    /// The working days counted, in order (`workingDays` of them).
    public let counted: [Day]
    /// The non-working days passed over between `start` and `deadline`.
    public let skipped: [DayOffRun]
    /// True when any day involved belongs to a year without official holiday data.
    public let estimated: Bool

    /// "05/02/2024 + 5 ngày làm việc = 19/02/2024 (bỏ qua 08/02–14/02: Tết …; 17/02–18/02: nghỉ cuối tuần)"
    public var description: String {
        let skips = skipped.isEmpty ? "" : " (bỏ qua " + skipped.map(\.description).joined(separator: "; ") + ")"
        return "\(start.vietnamese) + \(workingDays) ngày làm việc = \(deadline.vietnamese)\(skips)"
            + (estimated ? " [lịch nghỉ ước tính]" : "")
    }
}

/// Working days of state agencies (UBND xã): Monday–Friday, minus the holiday breaks of the
/// schedule, plus the làm-bù Saturdays when `countsSwappedSaturdays` is on. The same calendar
/// serves working-day deadlines and Civil Code Art. 148(5).
public struct WorkingDayCalendar: Sendable {
    public let schedule: HolidaySchedule
    /// Whether a làm-bù Saturday is a working day for legal deadlines. No text settles it; it is
    /// a working day for the agency, so it counts by default (RULES.md §3).
    public let countsSwappedSaturdays: Bool
    private let official: HolidayDayIndex

    public init(schedule: HolidaySchedule = .vietnam, countsSwappedSaturdays: Bool = true) {
        self.schedule = schedule
        self.countsSwappedSaturdays = countsSwappedSaturdays
        official = HolidayDayIndex(schedule.officialYears.values)
    }

    public func isWorkingDay(_ day: Day) -> Bool { dayOff(day) == nil }

    /// Why `day` is not a working day, or nil when it is one.
    public func dayOff(_ day: Day) -> DayOff? {
        // Official breaks first: one may spill over from an adjacent year (e.g. 31/12 before 01/01).
        let index = official.covers(day) || schedule.hasOfficialData(for: day.year)
            ? official : HolidayDayIndex.estimated(day.year)
        if countsSwappedSaturdays, index.workingSaturdays.contains(day.ordinal) { return nil }
        if let period = index.weekdayOff[day.ordinal] {
            return DayOff(day: day, reason: .holiday(period), estimated: period.estimated)
        }
        guard day.isWeekend else { return nil }
        if let period = index.breakDay[day.ordinal] {
            return DayOff(day: day, reason: .holiday(period), estimated: period.estimated)
        }
        return DayOff(day: day, reason: .weekend(day.weekday), estimated: false)
    }

    /// True when `day`'s year has no official data: its holidays are computed, and swaps or
    /// làm-bù Saturdays that the Government may still announce are unknown.
    public func isEstimated(_ day: Day) -> Bool { !schedule.hasOfficialData(for: day.year) }

    public func nextWorkingDay(after day: Day) -> Day {
        var next = day.adding(days: 1)
        while !isWorkingDay(next) { next = next.adding(days: 1) }
        return next
    }

    /// The deadline `n` working days after `start` (Art. 147: `start` itself is not counted).
    /// `n = 0` gives `start`.
    public func addingWorkingDays(_ n: Int, to start: Day) -> WorkingDayCount {
        precondition(n >= 0, "count working days forward only")
        var counted: [Day] = []
        var skipped: [DayOff] = []
        var day = start
        while counted.count < n {
            day = day.adding(days: 1)
            if let off = dayOff(day) { skipped.append(off) } else { counted.append(day) }
        }
        let estimated = (counted + skipped.map(\.day)).contains { isEstimated($0) }
        return WorkingDayCount(start: start, workingDays: n, deadline: day, counted: counted,
                               skipped: DayOffRun.runs(skipped), estimated: estimated)
    }

    /// Working days in (start, end]: the day after `start` through `end`. Negative when `end`
    /// is before `start`, so that counts add up: f(a, b) + f(b, c) = f(a, c).
    public func workingDays(after start: Day, through end: Day) -> Int {
        if end < start { return -workingDays(after: end, through: start) }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }

    /// A period of `days` calendar days from `start`, ending under Art. 147–148.
    public func period(of days: Int, from start: Day) -> CivilPeriod {
        CivilPeriod(start: start, days: days, calendar: self)
    }
}

/// The days of a set of holiday years, by ordinal, for constant-time look-ups.
struct HolidayDayIndex: Sendable {
    /// Weekdays off → the break they belong to.
    var weekdayOff: [Int: NonWorkingPeriod] = [:]
    /// Every day from `from` through `to` of a break → the break (the first listed wins).
    var breakDay: [Int: NonWorkingPeriod] = [:]
    var workingSaturdays: Set<Int> = []

    init<Years: Sequence>(_ years: Years) where Years.Element == HolidayYear {
        for year in years.sorted(by: { $0.year < $1.year }) {
            for period in year.nonWorking {
                for day in period.weekdayDaysOff where weekdayOff[day.ordinal] == nil {
                    weekdayOff[day.ordinal] = period
                }
                for ordinal in period.from.ordinal...period.to.ordinal where breakDay[ordinal] == nil {
                    breakDay[ordinal] = period
                }
            }
            workingSaturdays.formUnion(year.workingSaturdays.map(\.date.ordinal))
        }
    }

    func covers(_ day: Day) -> Bool { breakDay[day.ordinal] != nil }

    /// The computed holidays of a year without official data.
    /// (Computed breaks never leave their own year, so the year's own index answers for its days.)
    static func estimated(_ year: Int) -> HolidayDayIndex {
        EstimatedHolidays.cachedYears.contains(year) ? estimates[year] : HolidayDayIndex([EstimatedHolidays.year(year)])
    }

    private static let estimates = YearCache { HolidayDayIndex([EstimatedHolidays.year($0)]) }
}
