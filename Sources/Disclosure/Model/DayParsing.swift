import Foundation

/// Reads the date forms commune staff write: `2024-01-30`, `30/01/2024`, `30/1/2024`,
/// `ngày 30 tháng 01 năm 2024`. Anything else is rejected with the accepted forms in the message.
public enum DayParsing {
    public static let acceptedForms = "2024-01-30, 30/01/2024, 30/1/2024 or “ngày 30 tháng 01 năm 2024”"

    public static func parse(_ raw: String) -> Day? {
        let text = Whitespace.spaces.trim(SourceText.precomposed(raw))
        if let parts = numbers(text, separator: "-"), parts.count == 3, parts[0].count == 4 {
            return day(year: parts[0], month: parts[1], day: parts[2])
        }
        if let parts = numbers(text, separator: "/"), parts.count == 3, parts[2].count == 4 {
            return day(year: parts[2], month: parts[1], day: parts[0])
        }
        return vietnameseLongForm(text)
    }

    /// Why a text that looks like a date is none, for the diagnostic: "February 2024 has 29 days",
    /// "there is no month 13", "the year must have four digits". Nil when it does not look like a date.
    public static func explain(_ raw: String) -> String? {
        let text = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        var parts: [String]?
        // Up to 9 digits a part, so "99999-01-01" is explained (its year) rather than not recognised.
        func pieces(_ separator: Character) -> [String]? {
            let p = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            return p.count == 3 && p.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCIIDigit) }) ? p : nil
        }
        if let p = pieces("-") { parts = [p[2], p[1], p[0]] }
        else if let p = pieces("/") { parts = p }
        else {
            let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count == 6, words[0] == "ngày", words[2] == "tháng", words[4] == "năm" { parts = [words[1], words[3], words[5]] }
        }
        guard let parts, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCIIDigit) }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        if parts[2].count != 4 { return "the year must have four digits" }
        if y == 0 { return "there is no year 0" }
        if !(1...12).contains(m) { return "there is no month \(m)" }
        let days = Day.daysIn(month: m, year: y)
        if d == 0 || d > days { return "month \(m) of \(y) has \(days) days" }
        return nil
    }

    /// `ngày 30 tháng 01 năm 2024`, any case, any run of spaces.
    private static func vietnameseLongForm(_ text: String) -> Day? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 6, words[0] == "ngày", words[2] == "tháng", words[4] == "năm" else { return nil }
        guard [words[1], words[3], words[5]].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return day(year: words[5], month: words[3], day: words[1])
    }

    private static func numbers(_ text: String, separator: Character) -> [String]? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return parts
    }

    private static func day(year: String, month: String, day: String) -> Day? {
        guard year.count == 4, month.count <= 2, day.count <= 2,
              let y = Int(year), let m = Int(month), let d = Int(day) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// `16:30`, `16h30`, `16 giờ 30 phút` → minutes since midnight.
    public static func parseTime(_ raw: String) -> TimeOfDay? {
        let digits = raw.lowercased()
            .replacingOccurrences(of: "giờ", with: ":").replacingOccurrences(of: "phút", with: "")
            .replacingOccurrences(of: "h", with: ":")
            .filter { !$0.isWhitespace }
        let parts = digits.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let h = Int(parts[0]), (0...23).contains(h) else { return nil }
        let m = parts.count == 2 ? (parts[1].isEmpty ? 0 : Int(parts[1])) : 0
        guard let m, (0...59).contains(m) else { return nil }
        return TimeOfDay(hour: h, minute: m)
    }
}

/// A time of day as written on minutes ("16 giờ 30 phút").
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }
    public var description: String { String(format: "%02d:%02d", hour, minute) }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
}
