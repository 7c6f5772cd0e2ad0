import Testing
@testable import Compliance
@testable import Disclosure

/// `PostingSchedule.status(on:)`: upcoming, open day k of n, ended.
@Suite struct PostingStatusTests {
    let schedule = PostingSchedule(
        posting: Posting(start: day("2024-02-05"), end: day("2024-02-25"), days: 20, places: [], feedbackUntil: nil,
                         requiredDays: nil, basis: nil, isPermanent: false),
        calendar: WorkingDayCalendar())

    @Test func statusThroughThePeriod() {
        #expect(schedule.legalEnd == day("2024-02-26"))
        #expect(schedule.status(on: day("2024-02-04")) == .upcoming(startsOn: day("2024-02-05"), inDays: 1))
        #expect(schedule.status(on: day("2024-02-05")) == .open(day: 0, of: 20, daysLeft: 21))
        #expect(schedule.status(on: day("2024-02-15")) == .open(day: 10, of: 20, daysLeft: 11))
        #expect(schedule.status(on: day("2024-02-26")) == .open(day: 20, of: 20, daysLeft: 0))
        #expect(schedule.status(on: day("2024-02-27")) == .ended(on: day("2024-02-26")))
    }

    @Test func dayNumberNeverExceedsTheLength() {
        for offset in -5...40 {
            let d = day("2024-02-05").adding(days: offset)
            if case .open(let k, let n, let left) = schedule.status(on: d) {
                #expect(k <= n && k >= 0 && left >= 0)
            }
        }
    }
}
