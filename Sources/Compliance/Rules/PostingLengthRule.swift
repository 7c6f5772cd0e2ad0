import Disclosure

/// Civil Code 2015 Art. 147–148 applied to a posting: long enough (error when short), and the
/// Art. 148(5) move of its end to the next working day (a warning that shows both dates).
struct PostingLengthRule: ComplianceRule {
    static let art147 = "Bộ luật Dân sự 2015, Điều 147"
    static let art148 = "Bộ luật Dân sự 2015, Điều 148 khoản 5"

    func findings(for record: Record, in context: RuleContext) -> [Finding] {
        guard let posting = record.posting, let end = posting.end, !posting.isPermanent else { return [] }
        let rule = context.book.policy.rule(for: record)
        guard let required = rule?.minDays else {
            // Nothing sets a minimum: judge the posting on its own period only.
            return shift(of: context.calendar.period(of: end.days(since: posting.start), from: posting.start),
                         postedEnd: end, record: record, context: context)
        }
        let period = context.calendar.period(of: required, from: posting.start)
        let source = rule?.minDaysSource ?? Self.art147
        if end < period.nominalEnd {
            let short = period.nominalEnd.days(since: end)
            var vi = "Thời gian niêm yết ngắn hơn quy định \(short) ngày: niêm yết từ \(posting.start.vietnamese) đến hết \(end.vietnamese) là \(end.days(since: posting.start)) ngày, phải ít nhất \(required) ngày, tức đến hết ngày \(period.nominalEnd.vietnamese)"
            var en = "The posting is \(short) day\(short == 1 ? "" : "s") too short: \(posting.start.vietnamese) to the end of \(end.vietnamese) is \(end.days(since: posting.start)) days; at least \(required) are required, i.e. until the end of \(period.nominalEnd.vietnamese)"
            if period.isShifted {
                vi += " (\(period.legalEnd.vietnamese) theo Điều 148 khoản 5)"
                en += " (\(period.legalEnd.vietnamese) under Art. 148(5))"
            }
            vi += "."
            en += "."
            if end == period.inclusiveEnd {
                vi += " Có lẽ đã tính cả ngày bắt đầu niêm yết; theo Điều 147, ngày đầu tiên không được tính."
                en += " The first day seems to have been counted; under Art. 147 it is not."
            }
            return [Finding(.postingTooShort, .error, record: record.id, source: "\(source); \(Self.art147)",
                            vi: vi, en: en,
                            arithmetic: [lengthTrace(start: posting.start, end: end),
                                         "\(posting.start.vietnamese) + \(required) ngày = \(period.nominalEnd.vietnamese)"],
                            estimated: period.estimated)]
        }
        if end < period.legalEnd {
            return shift(of: period, postedEnd: end, record: record, context: context)
        }
        return []
    }

    /// A posting that stops on the nominal end when Art. 148(5) runs the period to a later day.
    private func shift(of period: CivilPeriod, postedEnd: Day, record: Record, context: RuleContext) -> [Finding] {
        guard period.isShifted, postedEnd == period.nominalEnd else { return [] }
        let why = context.whyOff(period.nominalEnd) ?? "ngày nghỉ"
        return [Finding(
            .legalEndShifted, .warning, record: record.id, source: Self.art148,
            vi: "Ngày cuối của thời hạn niêm yết (\(period.nominalEnd.vietnamese)) là ngày nghỉ (\(why)); theo Điều 148 khoản 5, thời hạn kết thúc vào cuối ngày làm việc tiếp theo, \(period.legalEnd.vietnamese). Nên niêm yết đến hết ngày \(period.legalEnd.vietnamese).",
            en: "The posting's last day (\(period.nominalEnd.vietnamese)) is a day off (\(why)); under Art. 148(5) the period runs to the end of the next working day, \(period.legalEnd.vietnamese). Keep it posted until then.",
            arithmetic: [lengthTrace(start: period.start, end: period.nominalEnd)
                         + "; \(period.nominalEnd.vietnameseShort) là \(why) → \(period.legalEnd.vietnameseShort) theo Điều 148 khoản 5"],
            estimated: period.estimated)]
    }
}
