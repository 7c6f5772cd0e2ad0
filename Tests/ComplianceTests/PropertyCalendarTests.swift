import Disclosure
import Testing
import TestSupport
@testable import Compliance

/// Orderings the checker relies on (issue 8, item 3), over random days of the years a record may
/// carry (1945–2100, ContentLimits.years), on official and computed years alike. Complements
/// CalendarPropertyTests, which checks each count on its own.
@Suite struct PropertyCalendarTests {
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
