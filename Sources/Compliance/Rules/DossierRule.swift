import Disclosure

/// The disclosure dossier of the seed regulation's Art. 9: a posting is documented by posting-start
/// minutes, end-of-posting minutes and a report of results; minutes must agree with the posting.
struct DossierRule: ComplianceRule {
    static let source = "Quy chế thực hiện dân chủ của cơ quan, Điều 9 (hồ sơ công khai)"
    static let endOfDay = "Bộ luật Dân sự 2015, Điều 148 khoản 6"

    func findings(for record: Record, in context: RuleContext) -> [Finding] {
        guard let posting = record.posting, posting.start <= context.asOf else { return [] }
        let papers = context.dossier[record.id] ?? []
        let schedule = context.book.schedule(of: posting)
        var findings: [Finding] = []
        var missing: [(vi: String, en: String)] = []
        let startMinutes = papers.filter { $0.minutes == .postingStart }
        let endMinutes = papers.filter { $0.minutes == .postingEnd }
        if startMinutes.isEmpty { missing.append(("biên bản niêm yết", "posting-start minutes")) }
        if let legalEnd = schedule.legalEnd, context.asOf > legalEnd {
            if endMinutes.isEmpty { missing.append(("biên bản kết thúc niêm yết", "end-of-posting minutes")) }
            if !papers.contains(where: { $0.type.code == "BC" }) { missing.append(("báo cáo kết quả", "report of results")) }
        }
        if !missing.isEmpty {
            findings.append(Finding(
                .dossierIncomplete, .warning, record: record.id, source: Self.source,
                vi: "Hồ sơ công khai còn thiếu: " + missing.map(\.vi).joined(separator: ", ") + ".",
                en: "The disclosure dossier lacks: " + missing.map(\.en).joined(separator: ", ") + ".",
                arithmetic: ["Các văn bản có `subject: \(record.id)`: " + (papers.isEmpty ? "không có" : papers.map { $0.displayName + " (\($0.date.vietnamese))" }.joined(separator: ", "))]))
        }
        for minutes in startMinutes where minutes.date != posting.start {
            findings.append(Finding(
                .minutesContradictPosting, .warning, record: minutes.id, source: Self.source,
                vi: "Biên bản niêm yết ghi ngày \(minutes.date.vietnamese), nhưng việc niêm yết bắt đầu ngày \(posting.start.vietnamese).",
                en: "The posting-start minutes are dated \(minutes.date.vietnamese), but the posting began \(posting.start.vietnamese).",
                arithmetic: ["\(minutes.date.vietnamese) ≠ \(posting.start.vietnamese)"]))
        }
        if let legalEnd = schedule.legalEnd {
            // A period in days ends at 24:00 of its last day (Art. 148(6)): minutes on or before
            // that day are drawn up while the notice should still be posted.
            for minutes in endMinutes where minutes.date <= legalEnd {
                let when = minutes.date.vietnamese + (minutes.time.map { " lúc \($0)" } ?? "")
                let whenEN = minutes.date.vietnamese + (minutes.time.map { " at \($0)" } ?? "")
                findings.append(Finding(
                    .minutesContradictPosting, .warning, record: minutes.id, source: "\(PostingLengthRule.art148); \(Self.endOfDay)",
                    vi: "Biên bản kết thúc niêm yết lập ngày \(when), trước khi thời hạn niêm yết kết thúc (24 giờ ngày \(legalEnd.vietnamese)).",
                    en: "The end-of-posting minutes were drawn up on \(whenEN), before the posting period ended (24:00 on \(legalEnd.vietnamese)).",
                    arithmetic: [schedule.isShifted
                        ? "Niêm yết đến hết \(schedule.end!.vietnameseShort); \(schedule.end!.vietnameseShort) là \(context.whyOff(schedule.end!) ?? "ngày nghỉ") → thời hạn kết thúc 24:00 ngày \(legalEnd.vietnamese) (Điều 148 khoản 5, 6)"
                        : "Thời hạn kết thúc 24:00 ngày \(legalEnd.vietnamese) (Điều 148 khoản 6); biên bản lập \(when)"],
                    estimated: schedule.estimated))
            }
        }
        return findings
    }
}

/// Records dated on a weekend or holiday deserve a second look (the seed's meeting minutes are
/// dated 10/02/2024, the first day of Tết).
struct WorkingDayDateRule: ComplianceRule {
    func findings(for record: Record, in context: RuleContext) -> [Finding] {
        guard let off = context.calendar.dayOff(record.date) else { return [] }
        return [Finding(
            .datedOnDayOff, .warning, record: record.id, source: "Quyết định 188/1999/QĐ-TTg; Bộ luật Lao động 2019, Điều 112",
            vi: "Văn bản ghi ngày \(record.date.vietnamese), là ngày nghỉ (\(off.label)). Kiểm tra lại ngày ban hành.",
            en: "The record is dated \(record.date.vietnamese), a day off (\(off.label)). Check the date.",
            arithmetic: ["\(record.date.vietnamese) (\(record.date.weekday.vietnameseName)): \(off.label)"],
            estimated: off.estimated)]
    }
}

/// A posting running on the day judged: how long it still has to run.
struct OpenPostingRule: ComplianceRule {
    func findings(for record: Record, in context: RuleContext) -> [Finding] {
        guard let posting = record.posting else { return [] }
        let schedule = context.book.schedule(of: posting)
        guard case .open(let day, let of, let left) = schedule.status(on: context.asOf) else { return [] }
        return [Finding(
            .postingOpen, .info, record: record.id, source: PostingLengthRule.art147,
            vi: "Đang niêm yết: ngày \(day)/\(of), còn \(left) ngày (đến hết ngày \(schedule.legalEnd!.vietnamese)).",
            en: "Being posted: day \(day) of \(of), \(left) day\(left == 1 ? "" : "s") left (until the end of \(schedule.legalEnd!.vietnamese)).",
            arithmetic: ["\(posting.start.vietnameseShort) → \(context.asOf.vietnameseShort) = \(context.asOf.days(since: posting.start)) ngày"],
            estimated: schedule.estimated)]
    }
}
