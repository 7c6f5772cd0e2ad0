import Foundation
import Testing
@testable import Disclosure
import Compliance
import TestSupport
@testable import Drafting

@Suite struct MinutesTests {
    static let contentFolder = SampleContent.folder
    static let draft = "du-thao-quy-che-dan-chu"
    static let tz = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// Publications on the given days, each carrying the draft when `carries` says so.
    static func ledger(_ days: [(time: String, carries: Bool)], record: Record, book: RuleBook) -> Ledger {
        let schedule = book.schedule(of: record.posting!)
        var prev: String?
        var text = ""
        for (index, p) in days.enumerated() {
            let notice = PostedNotice(id: record.id, page: "van-ban/\(record.id)/index.html", digest: NoticeDigest.digest(record),
                                      pageDigest: LedgerDigest.sha256(Array("page \(index)".utf8)),
                                      start: schedule.start, end: schedule.end, legalEnd: schedule.legalEnd)
            let entry = LedgerEntry(seq: index + 1, time: LedgerTime.parse(p.time)!, simulated: false,
                                    siteDigest: LedgerDigest.sha256(Array("site \(index)".utf8)),
                                    postings: p.carries ? [notice] : [], prev: prev)
            prev = entry.hash
            text += entry.line
        }
        return Ledger(text: text, path: "Content/ledger.jsonl")
    }

    func minutes(_ kind: PostingMinutes.Kind, comments: [Disclosure.Comment] = [], ledger days: [(String, Bool)]?) throws -> (PostingMinutes, String) {
        var content = ContentLoader.load(from: Self.contentFolder)
        let index = try #require(content.records.firstIndex { $0.id == Self.draft })
        content.records[index].comments = comments
        let book = RuleBook(content: content)
        let record = content.records[index]
        let ledger = days.map { Self.ledger($0.map { (time: $0.0, carries: $0.1) }, record: record, book: book) }
        let m = try PostingMinutes(kind: kind, record: record, content: content, book: book, ledger: ledger)
        return (m, MinutesHTML.render(m))
    }

    @Test func endOfPostingMinutesStateThePeriodTheEvidenceAndNoComments() throws {
        let (m, html) = try minutes(.postingEnd, ledger: [("2024-02-06T08:00:00+07:00", true), ("2024-02-20T08:00:00+07:00", true),
                                                          ("2024-02-27T08:00:00+07:00", false)])
        #expect(m.date == DayParsing.parse("2024-02-27"))
        #expect(m.fileName == "bien-ban-ket-thuc-niem-yet-du-thao-quy-che-dan-chu.html")
        #expect(html.contains("BIÊN BẢN KẾT THÚC"))
        #expect(html.contains("20 ngày, từ ngày 05/02/2024 đến hết ngày 25/02/2024"))
        #expect(html.contains("thời hạn kết thúc vào hết ngày 26/02/2024"))
        #expect(html.contains("Trong thời gian công khai 20 ngày không có ý kiến thắc mắc, phản hồi."))
        #expect(m.evidence.map { $0.line } == [1, 2])
        #expect(html.contains("lần đầu ở dòng 1 (06/02/2024 08:00), lần cuối ở dòng 2 (20/02/2024 08:00)"))
        #expect(html.contains("Căn cứ Kế hoạch số 127/KH-UBND ngày 30/01/2024"))
        #expect(html.contains("Đặng Quý Hưng"))
        #expect(html.contains("ngày 27 tháng 02 năm 2024"))
    }

    @Test func commentsArePrintedWithoutTheirPrivateParts() throws {
        let comment = Disclosure.Comment(date: DayParsing.parse("2024-02-08"), summary: "Đề nghị bổ sung Điều 5",
                              response: "Đã tiếp thu", privateFields: ["sender": "Nguyễn Văn Bí Mật", "phone": "0912345678"])
        let (_, html) = try minutes(.postingEnd, comments: [comment], ledger: nil)
        #expect(html.contains("Đề nghị bổ sung Điều 5"))
        #expect(html.contains("Đã tiếp thu"))
        #expect(!html.contains("Bí Mật"))
        #expect(!html.contains("0912345678"))
        #expect(!html.contains("không có ý kiến thắc mắc"))
        #expect(html.contains("Chưa có sổ cái công bố"))
    }

    @Test func aPostingCutShortIsSaidSo() throws {
        let (m, _) = try minutes(.postingEnd, ledger: [("2024-02-06T08:00:00+07:00", true), ("2024-02-20T08:00:00+07:00", true),
                                                       ("2024-02-22T08:00:00+07:00", false)])
        #expect(m.ledgerVerdict.contains("dòng 2 còn đăng, dòng 3 không còn"))
    }

    @Test func postingStartMinutesAreDatedOnTheStart() throws {
        let (m, html) = try minutes(.postingStart, ledger: [("2024-02-06T08:00:00+07:00", true)])
        #expect(m.date == DayParsing.parse("2024-02-05"))
        #expect(html.contains("<h1>BIÊN BẢN<br>NIÊM YẾT CÔNG KHAI</h1>"))
        #expect(html.contains("tổ chức tiếp nhận các ý kiến"))
    }

    @Test func titlesAreEscaped() throws {
        var content = ContentLoader.load(from: Self.contentFolder)
        let index = try #require(content.records.firstIndex { $0.id == Self.draft })
        content.records[index].title = "<script>alert(1)</script>"
        let m = try PostingMinutes(kind: .postingEnd, record: content.records[index], content: content,
                                   book: RuleBook(content: content), ledger: nil)
        let html = MinutesHTML.render(m)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func aRecordIsFoundByIdOrNumber() {
        let content = ContentLoader.load(from: Self.contentFolder)
        #expect(PostingMinutes.record("127/KH-UBND", in: content)?.id == "2024-127-kh-ubnd")
        #expect(PostingMinutes.record(Self.draft, in: content)?.id == Self.draft)
        #expect(PostingMinutes.record("nothing", in: content) == nil)
    }
}
