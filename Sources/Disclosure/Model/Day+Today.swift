import Foundation

extension Day {
    /// Today as a calendar day in the given time zone (the commune's, never the machine's).
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
