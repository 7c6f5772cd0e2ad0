import Disclosure
import Testing
import TestSupport
@testable import Compliance

private let firstDay = Day(year: 1900, month: 1, day: 1)!
private let lastDay = Day(year: 2100, month: 12, day: 31)!

/// `count` random days in 1900–2100, the same ones on every run.
private func randomDays(_ count: Int, seed: UInt64) -> [Day] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
        Day(ordinal: Int.random(in: firstDay.ordinal...lastDay.ordinal, using: &generator))
    }
}

private let calendars = [
    WorkingDayCalendar(schedule: .vietnam),
    WorkingDayCalendar(schedule: .vietnam, countsSwappedSaturdays: false),
]

@Suite("Calendar: properties over random days 1900–2100")
struct CalendarPropertyTests {
    @Test("Day ordinals round-trip")
    func ordinalRoundTrip() {
        for day in randomDays(5000, seed: 1) {
            #expect(Day(ordinal: day.ordinal) == day)
            #expect(Day(year: day.year, month: day.month, day: day.day)?.ordinal == day.ordinal)
            #expect(day.adding(days: 1).days(since: day) == 1)
        }
    }

    @Test("Adding N working days, then counting them back, gives N", arguments: [0, 1])
    func addThenCount(_ calendarIndex: Int) {
        let calendar = calendars[calendarIndex]
        var generator = SeededGenerator(seed: 2)
        for start in randomDays(2000, seed: 3) {
            let n = Int.random(in: 0...40, using: &generator)
            let count = calendar.addingWorkingDays(n, to: start)
            #expect(calendar.workingDays(after: start, through: count.deadline) == n)
            #expect(count.counted.count == n)
            #expect(count.counted.allSatisfy { calendar.isWorkingDay($0) })
            #expect(count.counted == count.counted.sorted())
        }
    }

    @Test("A working-day deadline never lands on a day off", arguments: [0, 1])
    func deadlineIsWorkingDay(_ calendarIndex: Int) {
        let calendar = calendars[calendarIndex]
        var generator = SeededGenerator(seed: 4)
        for start in randomDays(2000, seed: 5) {
            let n = Int.random(in: 1...30, using: &generator)
            let count = calendar.addingWorkingDays(n, to: start)
            #expect(calendar.isWorkingDay(count.deadline))
            #expect(count.deadline > start)
            // Every day in between is either counted or skipped, never both.
            let skippedDays = count.skipped.reduce(0) { $0 + $1.days }
            #expect(skippedDays + n == count.deadline.days(since: start))
            #expect(calendar.nextWorkingDay(after: start) == calendar.addingWorkingDays(1, to: start).deadline)
        }
    }

    @Test("legalEnd ≥ nominalEnd, legalEnd is a working day, and only days off lie between", arguments: [0, 1])
    func civilPeriodEnds(_ calendarIndex: Int) {
        let calendar = calendars[calendarIndex]
        var generator = SeededGenerator(seed: 6)
        for start in randomDays(2000, seed: 7) {
            let n = Int.random(in: 1...60, using: &generator)
            let period = calendar.period(of: n, from: start)
            #expect(period.nominalEnd.days(since: start) == n)
            #expect(period.inclusiveEnd.days(since: start) == n - 1)
            #expect(period.legalEnd >= period.nominalEnd)
            #expect(calendar.isWorkingDay(period.legalEnd))
            #expect(period.isShifted == !calendar.isWorkingDay(period.nominalEnd))
            #expect(period.skipped.reduce(0) { $0 + $1.days } == period.legalEnd.days(since: period.nominalEnd))
        }
    }

    @Test("Working-day counts add up: f(a, b) + f(b, c) = f(a, c)")
    func countsAddUp() {
        let calendar = calendars[0]
        let days = randomDays(300, seed: 8)
        for i in stride(from: 0, to: days.count - 2, by: 3) {
            let (a, b) = (days[i], days[i].adding(days: days[i + 1].ordinal % 200))
            let c = b.adding(days: days[i + 2].ordinal % 200 - 100)
            #expect(calendar.workingDays(after: a, through: b) + calendar.workingDays(after: b, through: c)
                == calendar.workingDays(after: a, through: c))
        }
    }

    @Test("The edges of Day's range do not trap")
    func rangeEdges() {
        let calendar = calendars[0]
        let last = Day(year: 9999, month: 12, day: 31)!
        #expect(calendar.addingWorkingDays(5, to: last).deadline.year == 10000)
        #expect(calendar.period(of: 30, from: Day(year: 1, month: 1, day: 1)!).legalEnd.year == 1)
        _ = LunarCalendar.solarToLunar(last)
    }

    @Test("Every computed year gives each of the 11 holidays a weekday off (Art. 111(3), Art. 112(1))")
    func computedYearsHaveElevenWeekdaysOff() {
        for year in 1900...2100 {
            let holidays = EstimatedHolidays.year(year)
            let daysOff = holidays.nonWorking.flatMap(\.weekdayDaysOff)
            // Giỗ Tổ on 30/4 or 1/5 (1947, …) makes one day do for two holidays.
            let gioTo = LunarCalendar.lunarToSolar(LunarDate(day: 10, month: 3, year: year))!
            let coincides = gioTo == Day(year: year, month: 4, day: 30) || gioTo == Day(year: year, month: 5, day: 1)
            #expect(daysOff.count == (coincides ? 10 : 11), "\(year): \(daysOff)")
            #expect(Set(daysOff).count == daysOff.count, "\(year): a weekday off twice")
            #expect(daysOff.allSatisfy { !$0.isWeekend && $0.year == year })
            #expect(holidays.nonWorking.allSatisfy { $0.estimated && $0.from.year == year && $0.to.year == year })
        }
    }
}

/// Orderings the checker relies on, over random days of the years a record may carry (1945–2100,
/// ContentLimits.years), on official and computed years alike; the suite above checks each count on its own.
@Suite struct CalendarOrderingTests {
    static let calendar = WorkingDayCalendar(schedule: .vietnam)
    static let first = Day(year: 1945, month: 1, day: 1)!.ordinal
    static let last = Day(year: 2100, month: 12, day: 31)!.ordinal

    private static func randomDay(_ g: inout SeededGenerator) -> Day { Day(ordinal: Int.random(in: first...last, using: &g)) }

    @Test func moreWorkingDaysNeverGiveAnEarlierDeadline() {
        var g = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            let start = Self.randomDay(&g)
            var previous = start
            for n in 1...12 {
                let deadline = Self.calendar.addingWorkingDays(n, to: start).deadline
                #expect(deadline > previous, "\(n) working days from \(start)")
                previous = deadline
            }
        }
    }

    @Test func aLaterStartNeverGivesAnEarlierDeadline() {
        var g = SeededGenerator(seed: 12)
        for _ in 0..<1500 {
            let a = Self.randomDay(&g)
            let b = a.adding(days: Int.random(in: 0...20, using: &g))
            let n = Int.random(in: 0...15, using: &g)
            #expect(Self.calendar.addingWorkingDays(n, to: a).deadline <= Self.calendar.addingWorkingDays(n, to: b).deadline,
                    "\(n) working days from \(a) and from \(b)")
        }
    }

    @Test func aLongerPeriodNeverEndsEarlierAndNeverBeforeItsNominalEnd() {
        var g = SeededGenerator(seed: 13)
        for _ in 0..<800 {
            let start = Self.randomDay(&g)
            let n = Int.random(in: 1...90, using: &g)
            let period = Self.calendar.period(of: n, from: start)
            let longer = Self.calendar.period(of: n + Int.random(in: 1...10, using: &g), from: start)
            #expect(period.legalEnd >= period.nominalEnd)
            #expect(longer.legalEnd >= period.legalEnd)
            // Art. 148(5) moves the end only past days off, and never by more than the longest break.
            #expect(period.legalEnd.days(since: period.nominalEnd) <= 14, "\(n) days from \(start)")
        }
    }

    @Test func aDayIsOffOrWorkingAndTheNextWorkingDayIsTheFirstOne() {
        var g = SeededGenerator(seed: 14)
        for _ in 0..<1500 {
            let day = Self.randomDay(&g)
            #expect(Self.calendar.isWorkingDay(day) == (Self.calendar.dayOff(day) == nil))
            let next = Self.calendar.nextWorkingDay(after: day)
            #expect(next > day && Self.calendar.isWorkingDay(next))
            var between = day.adding(days: 1)
            while between < next {
                #expect(!Self.calendar.isWorkingDay(between))
                between = between.adding(days: 1)
            }
        }
    }

    @Test func ordinalsAreStrictlyOrderedAndWeekdaysCycle() {
        var g = SeededGenerator(seed: 15)
        for _ in 0..<3000 {
            let day = Self.randomDay(&g)
            let k = Int.random(in: -4000...4000, using: &g)
            let other = day.adding(days: k)
            #expect(other.days(since: day) == k)
            #expect((other < day) == (k < 0))
            #expect((day.weekday.rawValue - 1 + ((k % 7) + 7) % 7) % 7 + 1 == other.weekday.rawValue)
            #expect(Day(year: other.year, month: other.month, day: other.day) == other)
        }
    }
}
