import Disclosure

/// One legal rule: looks at one record in its context and returns what it finds.
protocol ComplianceRule: Sendable {
    func findings(for record: Record, in context: RuleContext) -> [Finding]
}

/// What every rule may consult: the legal setting, the day judged and the other records.
struct RuleContext: Sendable {
    let book: RuleBook
    let asOf: Day
    /// Minutes and reports about each record (by `subject`).
    let dossier: [RecordID: [Record]]

    init(book: RuleBook, asOf: Day, records: [Record]) {
        self.book = book
        self.asOf = asOf
        var dossier: [RecordID: [Record]] = [:]
        for record in records {
            if let subject = record.subject { dossier[subject, default: []].append(record) }
        }
        self.dossier = dossier
    }

    var calendar: WorkingDayCalendar { book.calendar }

    /// "Chủ nhật" or the holiday's name, for messages.
    func whyOff(_ day: Day) -> String? {
        guard let off = calendar.dayOff(day) else { return nil }
        if case .weekend(let weekday) = off.reason { return weekday.vietnameseName }
        return off.label
    }
}

/// The working-day trace of a deadline: "26/02/2024 + 5 ngày làm việc: 27/02, 28/02, 29/02, 01/03, 04/03
/// (bỏ qua 02/03–03/03: nghỉ cuối tuần) → 04/03/2024".
func trace(_ count: WorkingDayCount) -> String {
    var text = "\(count.start.vietnamese) + \(count.workingDays) ngày làm việc: "
        + count.counted.map(\.vietnameseShort).joined(separator: ", ")
    if !count.skipped.isEmpty {
        text += " (bỏ qua " + count.skipped.map(\.description).joined(separator: "; ") + ")"
    }
    return text + " → \(count.deadline.vietnamese)"
}

/// "06/02 → 25/02 = 20 ngày (ngày đầu 05/02 không tính, Điều 147)".
func lengthTrace(start: Day, end: Day) -> String {
    let first = start.adding(days: 1)
    return "\(first.vietnameseShort) → \(end.vietnameseShort) = \(end.days(since: start)) ngày (ngày đầu \(start.vietnameseShort) không tính, Điều 147 Bộ luật Dân sự)"
}
