import Disclosure

/// The public holidays of a year for which no schedule has been announced, computed from the
/// Labor Code 2019 and the Vietnamese lunar calendar. Everything here is `estimated: true`: the
/// Prime Minister fixes the real Tết days, the second Quốc khánh day and any swaps each year
/// (Art. 112(3)), so a computed year is a forecast, not the law.
///
/// Rules applied (the current Code, also to years before it took effect in 2021):
/// - Art. 112(1): 01/01; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 01/5;
///   02/9 and one adjacent day.
/// - Tết: the last day of the lunar year (29 or 30 tháng Chạp) through mùng 4 Tết. This is the
///   composition most announcements use (e.g. 2026: 29 Chạp → mùng 4); some years shift one day
///   earlier (2024: 29 and 30 Chạp → mùng 3).
/// - Quốc khánh: 01/9 alongside 02/9, except 03/9 when 02/9 is a Monday (01/9 would be a Sunday)
///   or a Thursday (03/9 bridges to the weekend). This reproduces every announced year 2021–2026.
/// - Art. 111(3): a holiday on a Saturday or Sunday gives the next working day off (next day
///   that is neither a weekend, a holiday nor an earlier compensation day).
/// - No swapped days or làm-bù Saturdays: they cannot be predicted.
public enum EstimatedHolidays {
    /// The computed holidays of `year`.
    public static func year(_ year: Int) -> HolidayYear {
        cachedYears.contains(year) ? cache[year] : compute(year)
    }

    /// Years computed once each, at first use: enough for any posting a commune will check.
    static let cachedYears = 1800...2200
    private static let cache = YearCache { compute($0) }

    private static let legalBasis = "BLLĐ 2019 Điều 112 khoản 1, Điều 111 khoản 3"
    private static let estimateNote = "ước tính của CongKhai, chưa có thông báo chính thức"

    private static func compute(_ year: Int) -> HolidayYear {
        // Only weekends at the very edges of `Day`'s range (years 1 and 9999 and beyond).
        guard (2...9998).contains(year) else { return HolidayYear(year: year, nonWorking: [], estimated: true) }
        func day(_ d: Int, _ m: Int) -> Day { Day(year: year, month: m, day: d)! }
        let lunarYear = LunarCalendar.yearName(year)
        let mung1 = LunarCalendar.tet(year)
        let gioTo = LunarCalendar.lunarToSolar(LunarDate(day: 10, month: 3, year: year))!
        let september2 = day(2, 9)
        let secondNationalDay = [.monday, .thursday].contains(september2.weekday) ? day(3, 9) : day(1, 9)

        // Each holiday with the days the Code gives it.
        let statutory: [(name: String, days: [Day], basis: String)] = [
            ("Tết Dương lịch \(year)", [day(1, 1)], "điểm a"),
            ("Tết Nguyên đán \(lunarYear) \(year)", (-1...3).map { mung1.adding(days: $0) },
             "điểm b; ngày cuối tháng Chạp (29 hoặc 30) đến mùng 4 Tết, âm lịch Việt Nam UTC+7"),
            ("Giỗ Tổ Hùng Vương \(year) (10/3 \(lunarYear))", [gioTo], "điểm e; âm lịch Việt Nam UTC+7"),
            ("Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm \(year)", [day(30, 4), day(1, 5)], "điểm c, d"),
            ("Quốc khánh \(year)", [september2, secondNationalDay].sorted(), "điểm đ"),
        ]

        // A day claimed by two holidays (Giỗ Tổ on 30/4, as in 1947) counts once: the Code gives
        // compensation only for a holiday on the weekly rest day.
        var claimed = Set<Day>()
        let holidays = statutory.map { holiday in
            (name: holiday.name, days: holiday.days.filter { claimed.insert($0).inserted }, basis: holiday.basis)
        }

        // Art. 111(3) compensation, in date order across all holidays of the year.
        var compensation: [Int: [Day]] = [:]  // holiday index → compensation days
        var taken = claimed
        for (index, holiday) in holidays.enumerated() {
            for d in holiday.days where d.isWeekend {
                var next = d.adding(days: 1)
                while next.isWeekend || taken.contains(next) { next = next.adding(days: 1) }
                taken.insert(next)
                compensation[index, default: []].append(next)
            }
        }

        let periods = holidays.enumerated().map { index, holiday in
            let daysOff = (holiday.days + compensation[index, default: []]).sorted()
            // The whole break: the days off widened to the weekends that touch them, within the
            // year (so that a computed year never speaks for its neighbours).
            var from = daysOff.first!, to = daysOff.last!
            while from.adding(days: -1).isWeekend, from.adding(days: -1).year == year { from = from.adding(days: -1) }
            while to.adding(days: 1).isWeekend, to.adding(days: 1).year == year { to = to.adding(days: 1) }
            return NonWorkingPeriod(
                name: holiday.name, from: from, to: to,
                weekdayDaysOff: daysOff.filter { !$0.isWeekend },
                legalSource: "\(legalBasis) (\(holiday.basis)) — \(estimateNote)",
                estimated: true)
        }
        return HolidayYear(year: year, nonWorking: periods, workingSaturdays: [], estimated: true)
    }
}
