import Disclosure

/// One continuous break of state agencies (a holiday with its weekends, compensation days and
/// swapped days), as announced for the year.
public struct NonWorkingPeriod: Hashable, Sendable, CustomStringConvertible {
    /// Vietnamese name, e.g. "Tết Nguyên đán Giáp Thìn 2024".
    public var name: String
    /// First and last day of the whole break, inclusive, weekends included.
    public var from: Day
    public var to: Day
    /// The Monday–Friday days of the break: the days a working-day count must skip.
    public var weekdayDaysOff: [Day]
    /// The text that announced or fixes the break (VPCP letter, Labor Code article).
    public var legalSource: String
    /// True when computed by CongKhai (lunar calendar, Labor Code rules), not announced.
    public var estimated: Bool

    public init(name: String, from: Day, to: Day, weekdayDaysOff: [Day]? = nil,
                legalSource: String, estimated: Bool = false) {
        self.name = name
        self.from = from
        self.to = to
        // Without an explicit list, every weekday of the break is off.
        self.weekdayDaysOff = weekdayDaysOff
            ?? (0...max(0, to.days(since: from))).map { from.adding(days: $0) }.filter { !$0.isWeekend }
        self.legalSource = legalSource
        self.estimated = estimated
    }

    /// `08/02–14/02/2024: Tết Nguyên đán Giáp Thìn 2024`
    public var description: String {
        from == to ? "\(from.vietnamese): \(name)" : "\(from.vietnameseShort)–\(to.vietnamese): \(name)"
    }
}

/// A Saturday worked to make up for a swapped weekday off (ngày làm bù).
public struct WorkingSaturday: Hashable, Sendable {
    public var date: Day
    /// The weekday given off in exchange, when the announcement names it.
    public var swappedWith: Day?
    public var legalSource: String

    public init(date: Day, swappedWith: Day?, legalSource: String) {
        self.date = date
        self.swappedWith = swappedWith
        self.legalSource = legalSource
    }
}

/// The announced (or estimated) non-working periods and working Saturdays of one year.
public struct HolidayYear: Hashable, Sendable {
    public var year: Int
    public var nonWorking: [NonWorkingPeriod]
    public var workingSaturdays: [WorkingSaturday]
    /// True when the whole year is computed rather than announced.
    public var estimated: Bool

    public init(year: Int, nonWorking: [NonWorkingPeriod], workingSaturdays: [WorkingSaturday] = [],
                estimated: Bool = false) {
        self.year = year
        self.nonWorking = nonWorking
        self.workingSaturdays = workingSaturdays
        self.estimated = estimated
    }
}

/// The non-working days of state agencies, year by year: official data where it exists,
/// computed estimates (`EstimatedHolidays`) for every other year.
public struct HolidaySchedule: Hashable, Sendable {
    /// The years with official (announced) data, by year.
    public private(set) var officialYears: [Int: HolidayYear]

    public init(years: [HolidayYear] = []) {
        officialYears = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The 2024–2026 schedule announced by the Government (data: `VietnamHolidayData.yaml`,
    /// a copy of shared/domain/holidays-vn.yml embedded in the binary).
    public static let vietnam: HolidaySchedule = {
        let parsed = parse(yaml: VietnamHolidayData.yaml, file: "<embedded holidays-vn.yml>")
        precondition(parsed.errors.isEmpty, "embedded holiday data is broken: \(parsed.errors)")
        return parsed.schedule
    }()

    public func hasOfficialData(for year: Int) -> Bool { officialYears[year] != nil }

    /// The year's official data, or the computed estimate when there is none.
    public func holidays(in year: Int) -> HolidayYear {
        officialYears[year] ?? EstimatedHolidays.year(year)
    }

    /// This schedule with every year of `overrides` replacing (or adding) the whole year.
    public func merging(_ overrides: HolidaySchedule) -> HolidaySchedule {
        var merged = self
        merged.officialYears.merge(overrides.officialYears) { _, override in override }
        return merged
    }
}
