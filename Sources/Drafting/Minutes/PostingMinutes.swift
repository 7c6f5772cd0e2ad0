import Foundation
import Disclosure
import Compliance

/// The facts of a draft posting minutes (biên bản niêm yết / biên bản kết thúc niêm yết) for one
/// posted record, drawn from the records and the publication ledger. Pure: content in, facts out;
/// `MinutesHTML` lays them out. Private parts of the record and of its comments are never read.
public struct PostingMinutes: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case postingStart = "posting-start"
        case postingEnd = "posting-end"
    }

    /// One publication of the portal that carried the notice (a ledger line).
    public struct Evidence: Sendable, Hashable {
        public var line: Int
        public var seq: Int
        public var time: String
        public var day: Day
        public var simulated: Bool
        public var pageDigest: String?
    }

    /// A comment as the minutes print it: never its `private` part.
    public struct ReceivedComment: Sendable, Hashable {
        public var date: Day?
        public var summary: String
        public var response: String?
    }

    public var kind: Kind
    public var issuer: String
    public var place: String
    /// The day the minutes are drawn up: the start of the posting, or the day after its legal end.
    public var date: Day
    public var recordID: RecordID
    public var recordName: String
    public var recordTitle: String
    public var groundsFor: [String]
    public var start: Day
    public var days: Int?
    public var end: Day?
    public var legalEnd: Day?
    public var shiftReason: String?
    public var places: [String]
    public var comments: [ReceivedComment]
    /// Participants and signatories, from earlier minutes about the same record when there are any.
    public var signatories: [Signatory]
    public var evidence: [Evidence]
    /// What the ledger shows about the whole period, in one sentence (Vietnamese).
    public var ledgerVerdict: String
    /// The head of the chain when the minutes were drawn, nil without a ledger.
    public var ledgerHead: String?
    public var ledgerProblems: Int

    public enum Failure: Error, CustomStringConvertible {
        case noRecord(String)
        case notPosted(RecordID)

        public var description: String {
            switch self {
            case .noRecord(let name): return "no record has the id or number “\(name)”; `congkhai check` lists them"
            case .notPosted(let id): return "\(id) has no `posting:` block, so there is no posting to draw minutes for"
            }
        }
    }

    /// Finds the record by id or number (`du-thao-quy-che-dan-chu`, `127/KH-UBND`).
    public static func record(_ name: String, in content: LoadedContent) -> Record? {
        content.record(name) ?? content.records.first { $0.displayNumber == name }
    }

    public init(kind: Kind, record: Record, content: LoadedContent, book: RuleBook, ledger: Ledger?) throws {
        guard let posting = record.posting else { throw Failure.notPosted(record.id) }
        let schedule = book.schedule(of: posting)
        let tz = content.site.timeZone
        self.kind = kind
        issuer = record.issuer
        place = content.site.place.isEmpty ? (record.place ?? "") : content.site.place
        switch kind {
        case .postingStart: date = schedule.start
        case .postingEnd: date = (schedule.legalEnd ?? schedule.end ?? schedule.start).adding(days: 1)
        }
        recordID = record.id
        recordName = record.displayName
        recordTitle = record.title
        start = schedule.start
        days = schedule.days
        end = schedule.end
        legalEnd = schedule.legalEnd
        shiftReason = schedule.shiftReason.map { "\($0)" }
        places = posting.places.map { $0 == "portal" ? "Cổng thông tin điện tử \(content.site.commune)".trimmingCharacters(in: .whitespaces) : $0 }
        comments = record.comments.map { ReceivedComment(date: $0.date, summary: $0.summary, response: $0.response) }

        // Earlier minutes about this record: their grounds and their people.
        let minutes = content.records.filter { $0.subject == record.id && $0.minutes != nil }.sorted { $0.date < $1.date }
        var grounds: [String] = []
        for reference in record.references + minutes.flatMap(\.references) where reference.target != record.id {
            let text = reference.target.flatMap { content.record($0) }.map(Self.citation) ?? reference.text
            if !grounds.contains(text) { grounds.append(text) }
        }
        groundsFor = grounds
        signatories = minutes.last { !$0.signatories.isEmpty }?.signatories ?? []

        // The ledger: every publication that carried the notice.
        guard let ledger else {
            evidence = []
            ledgerHead = nil
            ledgerProblems = 0
            ledgerVerdict = "Chưa có sổ cái công bố (Content/ledger.jsonl): không có bằng chứng văn bản đã được đăng trên Cổng thông tin điện tử."
            return
        }
        evidence = LedgerContinuity.appearances(of: record.id, in: ledger).map { line, entry, notice in
            Evidence(line: line.number, seq: entry.seq, time: entry.time.vietnamese(in: tz), day: entry.time.day(in: tz),
                     simulated: entry.simulated, pageDigest: notice.pageDigest)
        }
        ledgerHead = ledger.head
        ledgerProblems = LedgerVerification.problems(ledger).filter { $0.kind != .clockBackwards }.count
        let cuts = LedgerContinuity.breaks(ledger, timeZone: tz).filter { $0.id == record.id }
        ledgerVerdict = Self.verdict(kind: kind, evidence: evidence, cuts: cuts, legalEnd: schedule.legalEnd,
                                     problems: ledgerProblems, ledgerPath: ledger.path)
    }

    /// "Kế hoạch số 127/KH-UBND ngày 30/01/2024 của UBND xã Đông Sơn về Tổ chức hội nghị …"
    static func citation(_ r: Record) -> String {
        "\(r.displayName) ngày \(r.date.vietnamese) của \(r.issuer) về \(r.title)"
    }

    static func verdict(kind: Kind, evidence: [Evidence], cuts: [LedgerContinuity.Break], legalEnd: Day?,
                        problems: Int, ledgerPath: String) -> String {
        var parts: [String] = []
        if problems > 0 {
            parts.append("Chuỗi băm của sổ cái có \(problems) chỗ không khớp (xem `congkhai check`): bằng chứng dưới đây không đáng tin cậy cho đến khi làm rõ.")
        }
        if evidence.isEmpty {
            parts.append("Sổ cái \(ledgerPath) không ghi lần công bố nào có văn bản này trên Cổng thông tin điện tử.")
        } else {
            let first = evidence.first!, last = evidence.last!
            parts.append("Sổ cái ghi \(evidence.count) lần công bố có văn bản này trên Cổng thông tin điện tử, lần đầu ở dòng \(first.line) (\(first.time)), lần cuối ở dòng \(last.line) (\(last.time)).")
            if kind == .postingEnd {
                if let cut = cuts.first {
                    parts.append("Văn bản đã bị gỡ trước khi hết thời hạn: dòng \(cut.before.number) còn đăng, dòng \(cut.after.number) không còn.")
                } else if let legalEnd, last.day < legalEnd {
                    parts.append("Lần công bố cuối cùng có văn bản là ngày \(last.day.vietnamese), trước ngày cuối của thời hạn (\(legalEnd.vietnamese)): cần công bố lại hoặc xác minh việc đăng đến hết ngày \(legalEnd.vietnamese).")
                } else {
                    parts.append("Không lần công bố nào trong thời hạn thiếu văn bản này: văn bản được đăng liên tục đến hết thời hạn.")
                }
            }
            if evidence.contains(where: \.simulated) {
                parts.append("Có dòng mô phỏng (ghi bằng --clock, để diễn tập): dòng mô phỏng không có giá trị chứng minh việc niêm yết thật.")
            }
        }
        return parts.joined(separator: " ")
    }

    /// `bien-ban-ket-thuc-niem-yet-<id>.html`
    public var fileName: String {
        (kind == .postingStart ? "bien-ban-niem-yet-" : "bien-ban-ket-thuc-niem-yet-") + recordID + ".html"
    }
}
