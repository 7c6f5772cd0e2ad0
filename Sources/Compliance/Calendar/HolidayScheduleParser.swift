import Disclosure
import Yams

/// A problem in holiday data, with its place in the file (line and column start at 1).
public struct CalendarDataError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `Content/holidays.yml:12:15: ...`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// What `HolidaySchedule.parse` found: the valid years, and every problem in one pass.
public struct ParsedHolidaySchedule: Sendable {
    public var schedule: HolidaySchedule
    /// Invalid data (bad dates, from > to, missing fields): the entry is left out.
    public var errors: [CalendarDataError]
    /// Unknown keys (probably typos): ignored, with a "did you mean" hint.
    public var warnings: [CalendarDataError]
}

extension HolidaySchedule {
    /// Reads holiday data in the format of the `years:` section of holidays-vn.yml: either a
    /// document with a top-level `years:` key, or the years mapping itself (a commune's
    /// `Content/holidays.yml`). Each year it lists replaces that whole year (see `merging`).
    ///
    /// ```yaml
    /// 2027:
    ///   non_working:
    ///     - name: "Tết Nguyên đán Đinh Mùi 2027"
    ///       from: 2027-02-05
    ///       to: 2027-02-10
    ///       weekday_days_off: [2027-02-05, 2027-02-08, 2027-02-09, 2027-02-10]  # optional
    ///       legal_source: "Văn bản .../VPCP-KGVX"
    ///   working_saturdays:
    ///     - {date: 2027-02-20, swapped_with: 2027-02-11, legal_source: "..."}
    /// ```
    public static func parse(yaml: String, file: String) -> ParsedHolidaySchedule {
        var reader = HolidayDataReader(file: file)
        let years = reader.readDocument(yaml)
        return ParsedHolidaySchedule(schedule: HolidaySchedule(years: years),
                                     errors: reader.errors, warnings: reader.warnings)
    }
}

/// Walks the YAML node tree once, collecting every error with its line.
private struct HolidayDataReader {
    let file: String
    var errors: [CalendarDataError] = []
    var warnings: [CalendarDataError] = []

    // Keys that carry research notes: accepted and ignored.
    static let noteKeys: Set<String> = ["verified", "evidence", "composition", "note", "notes", "comment"]
    static let yearKeys: Set<String> = ["non_working", "working_saturdays", "pending_not_in_force"]
    static let periodKeys: Set<String> = ["name", "from", "to", "weekday_days_off", "legal_source", "estimated"]
    static let saturdayKeys: Set<String> = ["date", "swapped_with", "legal_source"]

    init(file: String) { self.file = file }

    mutating func readDocument(_ yaml: String) -> [HolidayYear] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            report(error)
            return []
        }
        guard let root else { return [] }  // an empty file overrides nothing
        guard let mapping = root.mapping else {
            fail(root, "expected a mapping of years, e.g. `2027:` followed by `non_working:`")
            return []
        }
        let yearsMapping: Node.Mapping
        if let years = mapping["years"] {
            guard let m = years.mapping else {
                fail(years, "`years:` must be a mapping of years, e.g. `2027:`")
                return []
            }
            yearsMapping = m
        } else {
            yearsMapping = mapping
        }
        return yearsMapping.compactMap { key, value in readYear(key, value) }
    }

    mutating func readYear(_ key: Node, _ value: Node) -> HolidayYear? {
        guard let text = key.string, let year = Int(text), (1...9999).contains(year) else {
            fail(key, "`\(key.string ?? "?")` is not a year: expected a key such as `2027:`")
            return nil
        }
        guard let mapping = value.mapping else {
            fail(value, "year \(year) must be a mapping with `non_working:` and `working_saturdays:`")
            return nil
        }
        checkKeys(mapping, known: Self.yearKeys)
        let periods = sequence(mapping["non_working"], "non_working")
            .compactMap { readPeriod($0, year: year) }
        let saturdays = sequence(mapping["working_saturdays"], "working_saturdays")
            .compactMap { readWorkingSaturday($0) }
        return HolidayYear(year: year, nonWorking: periods, workingSaturdays: saturdays)
    }

    mutating func readPeriod(_ node: Node, year: Int) -> NonWorkingPeriod? {
        guard let mapping = node.mapping else {
            fail(node, "each non-working period needs name, from, to and legal_source")
            return nil
        }
        checkKeys(mapping, known: Self.periodKeys)
        let name = requiredText(mapping, "name", in: node)
        let legalSource = requiredText(mapping, "legal_source", in: node)
        let from = requiredDay(mapping, "from", in: node)
        let to = requiredDay(mapping, "to", in: node)
        guard let name, let legalSource, let from, let to else { return nil }
        guard from <= to else {
            fail(mapping["to"]!, "`to: \(to.iso)` is before `from: \(from.iso)`: the break must end on or after its first day")
            return nil
        }
        guard to.days(since: from) <= 31 else {
            fail(mapping["to"]!, "a break from \(from.iso) to \(to.iso) is longer than a month: check the dates")
            return nil
        }
        guard from.year == year || to.year == year else {
            fail(mapping["from"]!, "the break \(from.iso)–\(to.iso) is listed under year \(year): check the year")
            return nil
        }
        var daysOff: [Day]?
        if let list = mapping["weekday_days_off"] {
            var valid = true
            var days: [Day] = []
            for item in sequence(list, "weekday_days_off") {
                guard let day = dayValue(item) else { valid = false; continue }
                if !(from...to).contains(day) {
                    fail(item, "\(day.iso) is outside the break \(from.iso)–\(to.iso)")
                    valid = false
                } else if day.isWeekend {
                    fail(item, "\(day.iso) is a \(day.weekday.englishName): list only Monday–Friday days off")
                    valid = false
                }
                days.append(day)
            }
            guard valid else { return nil }
            daysOff = days.sorted()
        }
        let estimated = mapping["estimated"]?.bool ?? false
        return NonWorkingPeriod(name: name, from: from, to: to, weekdayDaysOff: daysOff,
                                legalSource: legalSource, estimated: estimated)
    }

    mutating func readWorkingSaturday(_ node: Node) -> WorkingSaturday? {
        guard let mapping = node.mapping else {
            fail(node, "each working Saturday needs date and legal_source")
            return nil
        }
        checkKeys(mapping, known: Self.saturdayKeys)
        let date = requiredDay(mapping, "date", in: node)
        let legalSource = requiredText(mapping, "legal_source", in: node)
        var swappedWith: Day?
        var valid = true
        if let swapped = mapping["swapped_with"] {
            swappedWith = dayValue(swapped)
            valid = swappedWith != nil
        }
        guard let date, let legalSource, valid else { return nil }
        guard date.weekday == .saturday else {
            fail(mapping["date"]!, "\(date.iso) is a \(date.weekday.englishName), not a Saturday")
            return nil
        }
        return WorkingSaturday(date: date, swappedWith: swappedWith, legalSource: legalSource)
    }

    // MARK: - Values

    mutating func sequence(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        if node.scalar?.string.isEmpty == true { return [] }  // `key:` with nothing after it
        guard let items = node.sequence else {
            fail(node, "`\(key)` must be a list")
            return []
        }
        return Array(items)
    }

    mutating func requiredText(_ mapping: Node.Mapping, _ key: String, in parent: Node) -> String? {
        guard let node = mapping[key] else {
            fail(parent, "missing `\(key)`")
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            fail(node, "`\(key)` must be a non-empty text")
            return nil
        }
        return text
    }

    mutating func requiredDay(_ mapping: Node.Mapping, _ key: String, in parent: Node) -> Day? {
        guard let node = mapping[key] else {
            fail(parent, "missing `\(key)` (a date such as 2027-02-05)")
            return nil
        }
        return dayValue(node)
    }

    /// Dates in the forms records accept (`DayParsing`), never through Yams's `Date` (UTC).
    mutating func dayValue(_ node: Node) -> Day? {
        let text = node.scalar?.string ?? ""
        if let day = DayParsing.parse(text) { return day }
        fail(node, "`\(text)` is not a valid date: write it as \(DayParsing.acceptedForms)")
        return nil
    }

    // MARK: - Diagnostics

    mutating func checkKeys(_ mapping: Node.Mapping, known: Set<String>) {
        for key in mapping.keys {
            guard let name = key.string, !known.contains(name), !Self.noteKeys.contains(name) else { continue }
            let hint = known.min { editDistance($0, name) < editDistance($1, name) }
                .flatMap { editDistance($0, name) <= 2 ? " — did you mean `\($0)`?" : nil } ?? ""
            warnings.append(diagnostic(key, "unknown key `\(name)` is ignored\(hint)"))
        }
    }

    mutating func fail(_ node: Node, _ message: String) {
        errors.append(diagnostic(node, message))
    }

    func diagnostic(_ node: Node, _ message: String) -> CalendarDataError {
        CalendarDataError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                          message: message)
    }

    mutating func report(_ error: Error) {
        var mark: Mark?
        var message = "the file is not valid YAML"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(context, problem, m, _), let .parser(context, problem, m, _),
                 let .composer(context, problem, m, _):
                mark = m
                message += ": \(problem)" + (context.map { " (\($0.text))" } ?? "")
            case let .duplicatedKeysInMapping(duplicates, context):
                mark = context.mark
                message = "the same key appears twice: \(duplicates.joined(separator: ", "))"
            default:
                message += ": \(yamlError)"
            }
        }
        errors.append(CalendarDataError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                        message: message))
    }
}

/// Levenshtein distance, for "did you mean" hints on short keys.
private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
