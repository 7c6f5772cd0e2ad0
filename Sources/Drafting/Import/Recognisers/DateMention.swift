import Disclosure

/// A date as written inside a sentence: "ngày 05/02/2024", "ngày 20 tháng 5 năm 2023",
/// "25./2/2024" (a stray dot), or "05/02" without its year ("từ ngày 05/02 đến hết ngày 25/02/2024").
struct DateMention: Equatable, Sendable {
    var day: Int
    var month: Int
    var year: Int?
    /// The words as written, for diagnostics.
    var text: String

    /// The calendar day, when the year is known and the date exists.
    var resolved: Day? { year.flatMap { Day(year: $0, month: month, day: day) } }

    func inYear(_ year: Int) -> Day? { Day(year: year, month: month, day: day) }

    /// The date starting at word `index` (an optional "ngày" first), and the index after it.
    static func scan(_ words: Words, at index: Int) -> (mention: DateMention, next: Int)? {
        var i = index
        if words.key(i) == "ngày" { i += 1 }
        if words.key(i + 1) == "tháng", words.key(i + 3) == "năm",
           let d = Int(words.key(i)), let m = Int(words.key(i + 2)), words.key(i + 4).isAllDigits,
           let y = Int(words.key(i + 4)), words.key(i + 4).count == 4 {
            return (DateMention(day: d, month: m, year: y, text: words.joined(index..<(i + 5))), i + 5)
        }
        guard let numeric = numeric(words.key(i)) else { return nil }
        var mention = numeric
        mention.text = words.joined(index..<(i + 1))
        return (mention, i + 1)
    }

    /// `05/02/2024`, `5/2/2024`, `25./2/2024`, `05-02-2024`, `05/02`.
    static func numeric(_ token: String) -> DateMention? {
        let cleaned = token.replacingOccurrences(of: "./", with: "/").replacingOccurrences(of: "/.", with: "/")
        let separator: Character = cleaned.contains("/") ? "/" : "-"
        let parts = cleaned.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy(\.isAllDigits),
              parts[0].count <= 2, parts[1].count <= 2, let d = Int(parts[0]), let m = Int(parts[1]),
              (1...31).contains(d), (1...12).contains(m) else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 4, let y = Int(parts[2]) else { return nil }
            return DateMention(day: d, month: m, year: y, text: token)
        }
        return DateMention(day: d, month: m, year: nil, text: token)
    }
}

/// A time of day in a sentence: "16 giờ 30 phút", "15 giờ", "16h30".
enum TimeMention {
    static func scan(_ words: Words, at index: Int) -> TimeOfDay? {
        if words.key(index + 1) == "giờ", words.key(index).isAllDigits {
            let minutes = words.key(index + 2).isAllDigits && words.key(index + 3) == "phút" ? words.key(index + 2) : "0"
            return DayParsing.parseTime("\(words.key(index)):\(minutes)")
        }
        let key = words.key(index)
        if let h = key.firstIndex(of: "h"), key[..<h].isAllDigits, key[key.index(after: h)...].allSatisfy(\.isNumber) {
            return DayParsing.parseTime(key)
        }
        return nil
    }
}

private extension Substring {
    var isAllDigits: Bool { !isEmpty && allSatisfy { $0.isASCII && $0.isNumber } }
}
