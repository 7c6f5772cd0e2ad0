/// A calendar day in the commune's time zone: year, month, day and nothing else.
///
/// Legal periods are counted in whole days (Civil Code 2015 Art. 147–148), so all date
/// arithmetic goes through `Day` and its ordinal, never through `Date` and seconds.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for impossible dates (31/02, month 13, year 0) and years outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day with the given ordinal (days since 0001-01-01, which is ordinal 0).
    public init(ordinal: Int) {
        // Civil-from-days (H. Hinnant), shifted so that ordinal 0 is 0001-01-01.
        let daysSince1970 = ordinal - 719_162
        let zz = daysSince1970 + 719_468
        let era = (zz >= 0 ? zz : zz - 146_096) / 146_097
        let doe = zz - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 0001-01-01 (ordinal 0). Differences of ordinals are exact day counts.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 719_162
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public var weekday: Weekday {
        // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
        Weekday(rawValue: ((ordinal % 7) + 7) % 7 + 1)!
    }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// `2024-02-05`
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `05/02/2024`, the form Vietnamese documents use.
    public var vietnamese: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }

    /// `05/02`, for short arithmetic traces.
    public var vietnameseShort: String { "\(pad(day, 2))/\(pad(month, 2))" }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// ISO weekday numbering: Monday = 1 … Sunday = 7.
public enum Weekday: Int, Sendable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// "Thứ Hai" … "Chủ nhật"
    public var vietnameseName: String {
        switch self {
        case .monday: return "Thứ Hai"
        case .tuesday: return "Thứ Ba"
        case .wednesday: return "Thứ Tư"
        case .thursday: return "Thứ Năm"
        case .friday: return "Thứ Sáu"
        case .saturday: return "Thứ Bảy"
        case .sunday: return "Chủ nhật"
        }
    }

    public var englishName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
