import Disclosure
import Testing
@testable import Compliance


@Suite("Lunar calendar (UTC+7)")
struct LunarCalendarTests {
    @Test("Tết (mùng 1 tháng Giêng), including 1985, 2007 and 2030 where UTC+8 calendars differ",
          arguments: [
              (1985, "21/01/1985"), (2007, "17/02/2007"), (2024, "10/02/2024"), (2025, "29/01/2025"),
              (2026, "17/02/2026"), (2027, "06/02/2027"), (2030, "02/02/2030"),
          ])
    func tet(_ year: Int, _ expected: String) {
        #expect(LunarCalendar.tet(year) == day(expected))
        #expect(LunarCalendar.solarToLunar(day(expected)) == LunarDate(day: 1, month: 1, year: year))
    }

    /// The new moon of February 2030 falls at about 23:07 in Hà Nội and 00:07 in Beijing, so
    /// Vietnam's Tết 2030 is 02/02 and China's 03/02 (the date often quoted for "Lunar New Year").
    @Test("At UTC+8 the same algorithm gives China's dates",
          arguments: [(1985, "20/02/1985"), (2007, "18/02/2007"), (2030, "03/02/2030"), (2024, "10/02/2024")])
    func chineseNewYear(_ year: Int, _ expected: String) {
        #expect(LunarCalendar.lunarToSolar(LunarDate(day: 1, month: 1, year: year), timeZone: 8) == day(expected))
    }

    @Test("Giỗ Tổ Hùng Vương (10/3 âm lịch)",
          arguments: [(2024, "18/04/2024"), (2025, "07/04/2025"), (2026, "26/04/2026")])
    func gioTo(_ year: Int, _ expected: String) {
        #expect(LunarCalendar.lunarToSolar(LunarDate(day: 10, month: 3, year: year)) == day(expected))
    }

    @Test("Leap months: 2/2023 nhuận, 6/2025 nhuận")
    func leapMonths() {
        #expect(LunarCalendar.solarToLunar(day("22/03/2023")) == LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true))
        #expect(LunarCalendar.solarToLunar(day("25/07/2025")) == LunarDate(day: 1, month: 6, year: 2025, isLeapMonth: true))
        #expect(LunarCalendar.lunarToSolar(LunarDate(day: 1, month: 6, year: 2025, isLeapMonth: true)) == day("25/07/2025"))
        // No leap month 5 in 2025, no day 30 in a 29-day month.
        #expect(LunarCalendar.lunarToSolar(LunarDate(day: 1, month: 5, year: 2025, isLeapMonth: true)) == nil)
        #expect(LunarCalendar.lunarToSolar(LunarDate(day: 30, month: 12, year: 2025)) == nil)
    }

    @Test("The day before Tết is the last day (29 or 30) of tháng Chạp of the year before")
    func tetEve() {
        for year in 1900...2100 {
            let eve = LunarCalendar.solarToLunar(LunarCalendar.tet(year).adding(days: -1))
            #expect(eve.month == 12 && !eve.isLeapMonth && eve.year == year - 1 && [29, 30].contains(eve.day), "\(year): \(eve)")
            let tet = LunarCalendar.tet(year)
            #expect(tet >= Day(year: year, month: 1, day: 19)! && tet <= Day(year: year, month: 2, day: 21)!)
        }
    }

    @Test("solarToLunar and lunarToSolar are inverse")
    func roundTrip() {
        var day = Day(year: 1950, month: 1, day: 1)!
        while day.year < 2051 {
            let lunar = LunarCalendar.solarToLunar(day)
            #expect(LunarCalendar.lunarToSolar(lunar) == day, "\(day): \(lunar)")
            day = day.adding(days: 13)
        }
    }

    @Test("Can chi year names")
    func yearNames() {
        #expect(LunarCalendar.yearName(2024) == "Giáp Thìn")
        #expect(LunarCalendar.yearName(2025) == "Ất Tỵ")
        #expect(LunarCalendar.yearName(2026) == "Bính Ngọ")
        #expect(LunarCalendar.yearName(1985) == "Ất Sửu")
        #expect(LunarDate(day: 10, month: 3, year: 2024).description == "10/3 Giáp Thìn")
    }

    @Test("Computed holidays 2024–2026 agree with the official schedule", arguments: [2024, 2025, 2026])
    func computedAgreesWithOfficial(_ year: Int) {
        let official = WorkingDayCalendar(schedule: .vietnam)
        let computed = EstimatedHolidays.year(year)
        // Mùng 1 Tết and Giỗ Tổ lie in the official breaks.
        let tet = LunarCalendar.tet(year)
        #expect(official.dayOff(tet)?.label.hasPrefix("Tết Nguyên đán") == true)
        let gioTo = LunarCalendar.lunarToSolar(LunarDate(day: 10, month: 3, year: year))!
        #expect(official.dayOff(gioTo)?.label.hasPrefix("Giỗ Tổ Hùng Vương") == true)
        // The computed Tết break is named after its lunar year.
        #expect(computed.nonWorking[1].name == "Tết Nguyên đán \(LunarCalendar.yearName(year)) \(year)")
        #expect((computed.nonWorking[1].from...computed.nonWorking[1].to).contains(tet))
        // Fixed-date holidays and the chosen Quốc khánh day are off in the official schedule too.
        for period in computed.nonWorking where !period.name.hasPrefix("Tết Nguyên đán") {
            for d in period.weekdayDaysOff {
                #expect(!official.isWorkingDay(d), "\(period.name): \(d) is a working day officially")
            }
        }
    }
}
