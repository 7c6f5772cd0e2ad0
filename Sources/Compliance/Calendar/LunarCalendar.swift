import Disclosure
import Foundation

/// A date of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    public let day: Int
    public let month: Int
    /// The lunar year, named after the Gregorian year in which its mùng 1 tháng Giêng falls.
    public let year: Int
    /// True for the intercalary month (tháng nhuận) that repeats `month`.
    public let isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// `10/3 Giáp Thìn`, `15/4 nhuận Quý Mão`.
    public var description: String {
        "\(day)/\(month)\(isLeapMonth ? " nhuận" : "") \(LunarCalendar.yearName(year))"
    }
}

/// The Vietnamese lunar calendar, computed at UTC+7.
///
/// Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm lịch"): new moons and the sun's
/// longitude from Jean Meeus' formulas, with the day boundary of the given time zone. Vietnam
/// has used UTC+7 for its calendar since 1968, which is why Tết differs from China's (UTC+8)
/// in some years, e.g. 1985 and 2007. Accurate for roughly 1800–2199.
public enum LunarCalendar {
    /// Vietnam's time zone offset in hours.
    public static let vietnamTimeZone = 7.0

    public static func solarToLunar(_ date: Day, timeZone: Double = vietnamTimeZone) -> LunarDate {
        let dayNumber = julianDayNumber(date)
        let k = Int(floor((Double(dayNumber) - 2_415_021.076998695) / 29.530588853))
        var monthStart = newMoonDay(k + 1, timeZone)
        if monthStart > dayNumber { monthStart = newMoonDay(k, timeZone) }
        var a11 = lunarMonth11(date.year, timeZone)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = lunarMonth11(date.year - 1, timeZone)
        } else {
            lunarYear = date.year + 1
            b11 = lunarMonth11(date.year + 1, timeZone)
        }
        let lunarDay = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var lunarMonth = diff + 11
        if b11 - a11 > 365 {  // a leap year: 13 months between the two months 11
            let leapMonthDiff = leapMonthOffset(a11, timeZone)
            if diff >= leapMonthDiff {
                lunarMonth = diff + 10
                isLeap = diff == leapMonthDiff
            }
        }
        if lunarMonth > 12 { lunarMonth -= 12 }
        if lunarMonth >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: lunarDay, month: lunarMonth, year: lunarYear, isLeapMonth: isLeap)
    }

    /// The solar day of a lunar date, or nil when it does not exist (a leap flag on a month that is
    /// not leap that year, or day 30 of a 29-day month).
    public static func lunarToSolar(_ date: LunarDate, timeZone: Double = vietnamTimeZone) -> Day? {
        guard (1...12).contains(date.month), (1...30).contains(date.day) else { return nil }
        let a11: Int, b11: Int
        if date.month < 11 {
            a11 = lunarMonth11(date.year - 1, timeZone)
            b11 = lunarMonth11(date.year, timeZone)
        } else {
            a11 = lunarMonth11(date.year, timeZone)
            b11 = lunarMonth11(date.year + 1, timeZone)
        }
        let k = Int(floor(0.5 + (Double(a11) - 2_415_021.076998695) / 29.530588853))
        var offset = date.month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11, timeZone)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if date.isLeapMonth && date.month != leapMonth { return nil }
            if date.isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if date.isLeapMonth {
            return nil
        }
        let monthStart = newMoonDay(k + offset, timeZone)
        let solar = Day(ordinal: monthStart + date.day - 1 - julianDayOfOrdinalZero)
        // Day 30 of a short month would silently spill into the next month: refuse it.
        return solarToLunar(solar, timeZone: timeZone) == date ? solar : nil
    }

    /// Mùng 1 tháng Giêng (Tết Nguyên đán) of the lunar year that starts in `year`.
    public static func tet(_ year: Int) -> Day {
        lunarToSolar(LunarDate(day: 1, month: 1, year: year))!
    }

    /// The sexagenary (can chi) name of a lunar year: 2024 → "Giáp Thìn".
    public static func yearName(_ year: Int) -> String {
        let stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
        let branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
        func mod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }
        return "\(stems[mod(year + 6, 10)]) \(branches[mod(year + 8, 12)])"
    }

    // MARK: - Astronomy (Hồ Ngọc Đức, after Meeus)

    /// Julian day number of `Day(ordinal: 0)` = 0001-01-01 (proleptic Gregorian).
    private static let julianDayOfOrdinalZero = 1_721_426

    private static func julianDayNumber(_ day: Day) -> Int { day.ordinal + julianDayOfOrdinalZero }

    /// Julian day (fractional, UT) of the k-th new moon after 1900-01-01.
    private static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  // sun's mean anomaly
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  // moon's mean anomaly
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  // moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// Julian day number of the local day on which the k-th new moon falls.
    private static func newMoonDay(_ k: Int, _ timeZone: Double) -> Int {
        Int(floor(newMoon(k) + 0.5 + timeZone / 24))
    }

    /// The sun's apparent longitude in radians, normalised to [0, 2π).
    private static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525, t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        let l = (l0 + dl) * dr
        return l - 2 * Double.pi * floor(l / (2 * Double.pi))
    }

    /// The sun-longitude sector (0…11, 30° each) at the start of the local day `dayNumber`.
    private static func sunLongitudeSector(_ dayNumber: Int, _ timeZone: Double) -> Int {
        Int(floor(sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6))
    }

    /// Julian day number of the start of lunar month 11 (the month holding the winter solstice)
    /// of the given Gregorian year.
    private static func lunarMonth11(_ year: Int, _ timeZone: Double) -> Int {
        // Julian day number of 31/12 (Gregorian), valid for any year, even outside `Day`'s range.
        let y = year + 4800
        let dec31 = 31 + (153 * 9 + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
        let k = Int(floor(Double(dec31 - 2_415_021) / 29.530588853))
        let newMoon = newMoonDay(k, timeZone)
        return sunLongitudeSector(newMoon, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : newMoon
    }

    /// In a 13-month year starting at month 11 `a11`, the offset of the leap month: the first
    /// month that contains no principal term (trung khí).
    private static func leapMonthOffset(_ a11: Int, _ timeZone: Double) -> Int {
        let k = Int(floor((Double(a11) - 2_415_021.076998695) / 29.530588853 + 0.5))
        var i = 1
        var arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone)
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone)
        } while arc != last && i < 14
        return i - 1
    }
}
