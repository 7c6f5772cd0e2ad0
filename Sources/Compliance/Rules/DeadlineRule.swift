import Disclosure

/// Disclosure must start within N working days of the decision (Law 10/2022 Art. 12(3), Art. 47(2)).
/// A record that must be disclosed and has no posting is an error once its deadline has passed.
struct DeadlineRule: ComplianceRule {
    func findings(for record: Record, in context: RuleContext) -> [Finding] {
        guard let rule = context.book.policy.rule(for: record) else { return [] }
        let count = context.calendar.addingWorkingDays(rule.deadlineWorkingDays, to: record.date)
        let deadline = count.deadline
        let what = rule.permanent ? "niêm yết thường xuyên" : "công khai"
        guard let posting = record.posting else {
            if context.asOf > deadline {
                return [Finding(
                    .neverPosted, .error, record: record.id, source: rule.deadlineSource,
                    vi: "Văn bản phải được \(what) chậm nhất ngày \(deadline.vietnamese) (\(rule.deadlineWorkingDays) ngày làm việc kể từ ngày \(record.date.vietnamese)), nhưng không có hồ sơ nào cho thấy đã niêm yết.",
                    en: "This record had to be disclosed\(rule.permanent ? " (posted permanently)" : "") by \(deadline.vietnamese) (\(rule.deadlineWorkingDays) working days after \(record.date.vietnamese)), and no record shows it was posted.",
                    arithmetic: [trace(count)], estimated: count.estimated)]
            }
            return [Finding(
                .postingDue, .info, record: record.id, source: rule.deadlineSource,
                vi: "Văn bản phải được \(what) chậm nhất ngày \(deadline.vietnamese); chưa có thông tin niêm yết.",
                en: "This record must be disclosed by \(deadline.vietnamese); no posting is recorded yet.",
                arithmetic: [trace(count)], estimated: count.estimated)]
        }
        guard posting.start > deadline else { return [] }
        let late = context.calendar.workingDays(after: deadline, through: posting.start)
        return [Finding(
            .disclosedLate, .error, record: record.id, source: rule.deadlineSource,
            vi: "Công khai chậm \(late) ngày làm việc: hạn là \(deadline.vietnamese) (\(rule.deadlineWorkingDays) ngày làm việc kể từ ngày \(record.date.vietnamese)), nhưng niêm yết từ \(posting.start.vietnamese).",
            en: "Disclosed \(late) working day\(late == 1 ? "" : "s") late: the deadline was \(deadline.vietnamese) (\(rule.deadlineWorkingDays) working days after \(record.date.vietnamese)), but posting began \(posting.start.vietnamese).",
            arithmetic: [trace(count)], estimated: count.estimated)]
    }
}

/// Items that must stay posted permanently (Law 10/2022 Art. 13(2): items 4 and 13) must not end.
struct PermanentPostingRule: ComplianceRule {
    func findings(for record: Record, in context: RuleContext) -> [Finding] {
        guard let rule = context.book.policy.rule(for: record), rule.permanent,
              let posting = record.posting, !posting.isPermanent, let end = posting.end else { return [] }
        return [Finding(
            .permanentPostingEnded, .warning, record: record.id, source: rule.minDaysSource,
            vi: "Nội dung này phải niêm yết thường xuyên, nhưng việc niêm yết ghi ngày kết thúc \(end.vietnamese).",
            en: "This item must be posted permanently, but its posting ends on \(end.vietnamese).",
            arithmetic: [])]
    }
}
