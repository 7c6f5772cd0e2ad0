import Foundation
import Disclosure

/// A moment as the ledger writes it: RFC 3339 with the commune's UTC offset, to the second
/// (`2024-02-06T08:00:00+07:00`), so the calendar day can be read straight off the text.
public struct LedgerTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let date: Date
    /// The offset the time was written with, in seconds east of UTC.
    public let offset: Int

    public init(date: Date, offset: Int) {
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.offset = offset
    }

    /// `date` in the given time zone (the site's), with that zone's offset on that day.
    public init(date: Date, timeZone: TimeZone) {
        self.init(date: date, offset: timeZone.secondsFromGMT(for: date))
    }

    /// `2024-02-06T08:00:00+07:00`
    public var description: String {
        let local = Int(date.timeIntervalSince1970) + offset
        let days = Int((Double(local) / 86_400).rounded(.down))
        let seconds = local - days * 86_400
        let day = Day(ordinal: days + 719_162)
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset)
        return "\(day.iso)T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))\(sign)\(two(o / 3600)):\(two(o % 3600 / 60))"
    }

    /// The calendar day in the given time zone: what the posting status is judged on.
    public func day(in timeZone: TimeZone) -> Day { Day.today(in: timeZone, now: date) }

    /// `06/02/2024 08:00` in the given time zone, for people.
    public func vietnamese(in timeZone: TimeZone) -> String {
        let local = LedgerTime(date: date, timeZone: timeZone).description
        let time = local.dropFirst(11).prefix(5)
        return "\(day(in: timeZone).vietnamese) \(time)"
    }

    public static func < (a: LedgerTime, b: LedgerTime) -> Bool { a.date < b.date }

    /// Reads `2024-02-06T08:00:00+07:00`, `2024-02-06T08:00:00Z`, and — for `--clock` — a time
    /// without offset (`2024-02-06T08:00`, `2024-02-06 08:00`), taken in `timeZone`.
    public static func parse(_ text: String, timeZone: TimeZone? = nil) -> LedgerTime? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        func int(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            let digits = chars[range]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(digits))
        }
        guard chars.count >= 16, chars[4] == "-", chars[7] == "-", chars[10] == "T" || chars[10] == " ", chars[13] == ":",
              let y = int(0..<4), let mo = int(5..<7), let d = int(8..<10), let h = int(11..<13), let mi = int(14..<16),
              let day = Day(year: y, month: mo, day: d), (0...23).contains(h), (0...59).contains(mi) else { return nil }
        var index = 16
        var s = 0
        if index < chars.count, chars[index] == ":" {
            guard let sec = int(17..<19), (0...59).contains(sec) else { return nil }
            s = sec
            index = 19
            if index < chars.count, chars[index] == "." {  // fractions of a second are dropped
                index += 1
                while index < chars.count, chars[index].isNumber { index += 1 }
            }
        }
        let localSeconds = (day.ordinal - 719_162) * 86_400 + h * 3600 + mi * 60 + s
        var offset: Int
        if index == chars.count {
            guard let timeZone else { return nil }
            // The offset in force at that local time (two tries settle a DST edge).
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds)))
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds - offset)))
        } else if chars[index] == "Z" && index + 1 == chars.count {
            offset = 0
        } else if chars[index] == "+" || chars[index] == "-", chars.count == index + 6, chars[index + 3] == ":",
                  let oh = int(index + 1..<index + 3), let om = int(index + 4..<index + 6), oh <= 23, om <= 59 {
            offset = (oh * 3600 + om * 60) * (chars[index] == "-" ? -1 : 1)
        } else {
            return nil
        }
        return LedgerTime(date: Date(timeIntervalSince1970: Double(localSeconds - offset)), offset: offset)
    }

    public static let acceptedForms = "2024-02-06T08:00:00+07:00 (or 2024-02-06T08:00 in the site's time zone)"
}

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
