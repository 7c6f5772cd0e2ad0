import Foundation
import Disclosure

/// Feed timestamps come from the content (a record's date, the build's as-of day), never from the
/// clock, so that two builds of the same content are byte-identical.
struct FeedTime: Sendable {
    let timeZone: TimeZone

    init(identifier: String) {
        timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    }

    /// `2024-01-30T00:00:00+07:00`: the start of the day in the commune's time zone (RFC 3339).
    func rfc3339(_ day: Day) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        let offset = timeZone.secondsFromGMT(for: noon)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(day.iso)T00:00:00\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Text for XML: the five predefined entities, and no control characters XML 1.0 forbids.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
