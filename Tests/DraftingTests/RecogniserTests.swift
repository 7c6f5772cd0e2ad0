import Foundation
import Testing
import Disclosure
@testable import Drafting

/// Each recogniser on the messy variants real documents have.
@Suite struct RecogniserTests {
    private func plain(_ raw: String) -> String { SourceLine.plainText(raw) }

    @Test func numberLines() throws {
        let stray = try #require(NumberLine.recognise(plain("Số: 127 /KH-UBND")))
        #expect(stray.number?.description == "127/KH-UBND")
        #expect(stray.hadStraySpaces)
        #expect(NumberLine.recognise(plain("Số 566 /TB-UBND"))?.number?.description == "566/TB-UBND")
        #expect(NumberLine.recognise(plain("**Số: 127 /KH – UBND**"))?.number?.description == "127/KH-UBND")
        #expect(NumberLine.recognise(plain("Số: 05/2024/QĐ-UBND"))?.number?.year == 2024)
        let blank = try #require(NumberLine.recognise(plain("Số:      /QĐ-UBND")))
        #expect(blank.number == nil && blank.typeCode == "QĐ" && blank.problem == nil)
        // A sentence that starts with "Số" is no number line.
        #expect(NumberLine.recognise(plain("Số lượng đại biểu: 28")) == nil)
    }

    @Test func placeAndDateLines() throws {
        let doubled = try #require(PlaceDateLine.recognise(plain("Đông Sơn, ngày  24 tháng 10  năm 2023")))
        #expect(doubled.place == "Đông Sơn")
        #expect(doubled.day == Day(year: 2023, month: 10, day: 24))
        #expect(PlaceDateLine.recognise(plain("*Hà Nội, ngày 30/01/2024*"))?.day == Day(year: 2024, month: 1, day: 30))
        let bare = try #require(PlaceDateLine.recognise("Ngày 5 tháng 2 năm 2024"))
        #expect(bare.place == nil)
        #expect(PlaceDateLine.recognise("Đông Sơn, ngày 31 tháng 02 năm 2024") == nil)  // no such day
        #expect(PlaceDateLine.recognise("Hôm nay, ngày 30 tháng 1 năm 2024") == nil)
        #expect(PlaceDateLine.recognise("Đông Sơn, ngày 30 tháng 01 năm 2024 UBND xã tổ chức hội nghị") == nil)
    }

    @Test func typeLines() throws {
        #expect(TypeLine.recognise("KẾ HOẠCH")?.type.code == "KH")
        let minutes = try #require(TypeLine.recognise("BIÊN BẢN NIÊM YẾT CÔNG KHAI"))
        #expect(minutes.type.code == "BB" && minutes.rest == "NIÊM YẾT CÔNG KHAI")
        let draft = try #require(TypeLine.recognise("QUYẾT ĐỊNH (DỰ THẢO)"))
        #expect(draft.type.code == "QĐ" && draft.isDraft)
        #expect(TypeLine.recognise("QUY CHẾ")?.type.code == "QC")
        #expect(TypeLine.recognise("QUY ĐỊNH")?.type.code == "QyĐ")
        #expect(TypeLine.recognise("THÔNG BÁO")?.type.code == "TB")
        #expect(TypeLine.recognise("Kế hoạch số 127/KH-UBND ngày 30/01/2024") == nil)
        #expect(TypeLine.recognise("QUYẾT ĐỊNH:") == nil)  // the line before a decision's articles
    }

    @Test func citations() {
        let clauses = CitationClauses.recognise(
            "Căn cứ Luật thực hiện dân chủ ở cơ sở; Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; Thực hiện công văn số: 34/CV-BCĐ ngày 26/01/2024",
            ownIssuerCodes: ["UBND"])
        #expect(clauses == [
            .citation(.init(text: "Luật thực hiện dân chủ ở cơ sở", isOwnNumber: false)),
            .citation(.init(text: "Nghị định số 59/2023/NĐ-CP", isOwnNumber: false)),
            .citation(.init(text: "Công văn số 34/CV-BCĐ", isOwnNumber: false)),
        ])
        #expect(CitationClauses.recognise("Kế hoạch số: 127 /KH – UBND ngày 30/01/2024 của UBND xã", ownIssuerCodes: ["UBND"])
            == [.citation(.init(text: "127/KH-UBND", isOwnNumber: true))])
        #expect(CitationClauses.recognise("Căn cứ tình hình thực tế tại địa phương", ownIssuerCodes: ["UBND"])
            == [.uncited("Căn cứ tình hình thực tế tại địa phương")])
    }

    @Test func closingLines() {
        #expect(ClosingLine.recognise(plain("**TM. ỦY BAN NHÂN DÂN")) == .capacity("TM. Ủy ban nhân dân"))
        #expect(ClosingLine.recognise("T/M ỦY BAN NHÂN DÂN") == .capacity("TM. Ủy ban nhân dân"))
        #expect(ClosingLine.recognise(plain("CHỦ TỊCH**")) == .role("Chủ tịch"))
        #expect(ClosingLine.recognise("CHỦ TỊCH UBND XÃ") == .role("Chủ tịch UBND xã"))
        #expect(ClosingLine.recognise("CÔNG CHỨC VP-TK") == .role("Công chức VP-TK"))
        #expect(ClosingLine.recognise("Nội nhận:") == .recipientsLabel(written: "Nội nhận", rest: ""))
        #expect(ClosingLine.recognise("Chủ tịch UBND xã chủ trì hội nghị đã triển khai các nội dung.") == nil)
        #expect(PersonName.recognise("Đặng Quý Hưng") == "Đặng Quý Hưng")
        for garbled in ["Mô can liê", "Bhư", "Ngô Văn Tân Bưu Bưu Thư quyền Thị Huyện", "Luật"] {
            #expect(PersonName.recognise(garbled) == nil, "\(garbled)")
        }
    }

    @Test func postingStatements() throws {
        let start = try #require(PostingStatement.recognise("- Thời gian niêm yết công khai: 20 ngày bắt đầu từ ngày 05/02/2024"))
        #expect(start.days == 20 && start.start.resolved == Day(year: 2024, month: 2, day: 5) && start.end == nil)
        let both = try #require(PostingStatement.recognise(
            plain("Thời gian niêm yết: 20 ngày, kể từ ngày 20 tháng 5 năm 2023 đến hết ngày 08  tháng 6 năm 2023.")))
        #expect(both.days == 20)
        #expect(both.start.resolved == Day(year: 2023, month: 5, day: 20))
        #expect(both.end?.resolved == Day(year: 2023, month: 6, day: 8))
        let noYear = try #require(PostingStatement.recognise("niêm yết tại bảng thông báo của xã từ ngày 05/02 đến hết ngày 25/02/2024"))
        #expect(noYear.start.year == nil && noYear.end?.resolved == Day(year: 2024, month: 2, day: 25))
        // Working days are a deadline, not a posting length.
        #expect(PostingStatement.recognise("công khai chậm nhất 05 ngày làm việc kể từ ngày ban hành")?.days == nil)
        #expect(PostingStatement.recognise("Trong thời gian công khai 20 ngày không có ý kiến thắc mắc, phản hồi.") == nil)
    }

    @Test func minutesOpeningAndDates() throws {
        let opening = try #require(MinutesOpening.recognise(
            "Hôm nay, vào hồi 16 giờ 30 phút ngày 25./2/2024, UBND xã Đông Sơn tiến hành lập biên bản kết thúc việc niêm yết"))
        #expect(opening.date.resolved == Day(year: 2024, month: 2, day: 25))
        #expect(opening.time?.description == "16:30")
        let meeting = try #require(MeetingTime.recognise("*.Thời gian: 14 giờ 00 phút, ngày 05/02/2024"))
        #expect(meeting.time?.description == "14:00" && meeting.date?.resolved == Day(year: 2024, month: 2, day: 5))
        #expect(DateMention.numeric("31/02/2024")?.resolved == nil)
    }

    @Test func issuerHeaderAndMotto() {
        #expect(HeaderLine.recognise("ỦY BAN NHÂN DÂN") == .issuer("ỦY BAN NHÂN DÂN"))
        #expect(HeaderLine.recognise("XÃ ĐÔNG SƠN") == .issuer("XÃ ĐÔNG SƠN"))
        #expect(HeaderLine.recognise("Độc lập - Tự do - Hạnh phúc") == .motto)
        #expect(HeaderLine.recognise("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == .motto)
        #expect(SiteGuess.communeName(in: ["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG SƠN"]) == "xã Đông Sơn")
        #expect(SiteGuess.communeName(in: ["ỦY BAN NHÂN DÂN THỊ TRẤN BỐ HẠ"]) == "thị trấn Bố Hạ")
    }
}
