import Foundation
import Testing
import Disclosure
@testable import Drafting

/// The whole seed file: seven documents, split and read as the clerk transcribed them by hand.
@Suite struct SeedImportTests {
    let result: ImportResult

    init() throws {
        result = DocumentImporter.recognise(try Samples.seedText(), file: "seed.txt")
    }

    @Test func splitsTheSevenDocuments() {
        #expect(result.records.count == 7)
        #expect(result.records.map(\.lines.lowerBound) == [3, 51, 102, 169, 235, 265, 550])
        #expect(result.records.map(\.path) == [
            "documents/2024/127-kh-ubnd.md",
            "documents/2024/bien-ban-trien-khai-va-thong-nhat-quy-che-thuc-hien-dan-chu.md",
            "documents/2024/bien-ban-niem-yet-cong-khai.md",
            "documents/2024/bien-ban-ket-thuc-niem-yet-cong-khai.md",
            "documents/2024/164-bc-ubnd.md",
            "documents/2024/156-qc-ubnd.md",
            "documents/2024/170-kh-ubnd.md",
        ])
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }

    /// Number, type, date, title and signer agree with the hand-made records of the sample content.
    @Test func agreesWithTheHandMadeRecords() throws {
        #expect(!Samples.content.diagnostics.contains { $0.severity == .error })
        for record in result.records {
            let fields = record.fields
            let date = try #require(fields.date)
            let handMade = try #require(Samples.content.records.first { r in
                r.type == fields.type && r.date == date && r.number == fields.number
            }, "no hand-made record with \(fields.number.map { "\($0)" } ?? "no number"), \(fields.type?.code ?? "?"), \(date)")
            #expect(fields.title == handMade.title, "title of \(record.path)")
            #expect(fields.signer == handMade.signer, "signer of \(record.path)")
            #expect(fields.signerTitle == handMade.signerTitle || handMade.signerTitle == nil, "signer title of \(record.path)")
            #expect(fields.signingCapacity == handMade.signingCapacity || handMade.signingCapacity == nil, "capacity of \(record.path)")
        }
    }

    @Test func readsTheMinutes() throws {
        let meeting = result.records[1].fields
        #expect(meeting.minutes == .meeting)
        #expect(meeting.meetingDate == Day(year: 2024, month: 2, day: 5))
        #expect(meeting.time?.description == "14:00")
        #expect(meeting.signatories.map(\.name) == ["Nguyễn Thị Thủy", "Đặng Quý Hưng"])

        let start = result.records[2].fields
        #expect(start.minutes == .postingStart)
        #expect(start.time?.description == "15:00")
        #expect(start.posting == nil)
        #expect(start.recordedPosting?.start == Day(year: 2024, month: 2, day: 5))
        #expect(start.recordedPosting?.days == 20)
        #expect(start.recordedPosting?.places == ["Bản tin công khai của UBND cấp xã", "Bản tin công khai UBND xã"])
        // Titles and names in separate runs: reported, and the participants listed.
        #expect(result.codes(at: 133).contains(.signatureUnpaired))
        #expect(start.signatories.filter { $0.role == "Thành phần tham gia" }.count == 6)

        let end = result.records[3].fields
        #expect(end.minutes == .postingEnd)
        #expect(end.date == Day(year: 2024, month: 2, day: 25))
        #expect(result.codes(at: 174).contains(.dateFromOpening))
        #expect(end.time?.description == "16:30")
        #expect(end.recordedPosting?.end == Day(year: 2024, month: 2, day: 25))
        #expect(end.recordedPosting?.requiredDays == 20)
        #expect(end.recordedPosting?.basis?.contains("20 ngày, từ ngày 05/02/2024 đến hết ngày 25/2/2024") == true)
        #expect(end.signatories.map(\.name) == ["Nguyễn Tuấn Hải", "Nguyễn Thị Thủy", "Đặng Quý Hưng", "Vũ Thị Hương", "Nguyễn Văn Tươi"])
        // The garbled handwriting is reported line by line, never imported as names.
        for line in [214, 218, 223] { #expect(result.codes(at: line).contains(.notAName), "line \(line)") }
    }

    @Test func readsReferencesRecipientsAndReportsTypos() {
        let plan = result.records[0].fields
        #expect(plan.references == ["Luật thực hiện dân chủ ở cơ sở", "Nghị định số 59/2023/NĐ-CP", "Quyết định số 346/QĐ-TTg", "Công văn số 34/CV-BCĐ"])
        #expect(plan.recipients.first == "Ban DV huyện uỷ;")
        #expect(plan.recipients.count == 6)
        #expect(result.codes(at: 3).contains(.numberSpacing))
        // "Nội nhận:" in the regulation.
        #expect(result.codes(at: 535).contains(.recipientsLabel))
        #expect(result.records[5].fields.recipients.count == 5)
        // 170 cites plan 127 as "Kế hoạch số: 127 /KH – UBND": one of the commune's own numbers.
        #expect(result.records[6].fields.references.contains("127/KH-UBND"))
        // Report 164 states the posting of other documents: a comment, not its own posting.
        #expect(result.records[4].fields.posting == nil)
        #expect(result.codes(at: 249).contains(.postingElsewhere))
        #expect(result.codes(at: 249).contains(.postingYearInferred))
    }

    @Test func writtenRecordsLoadWithoutErrors() throws {
        let content = try Samples.load(result.records.map { ($0.path, $0.text) })
        let errors = content.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(content.records.count == 7)
        let regulation = try #require(content.records.first { $0.type.code == "QC" })
        #expect(regulation.outline?.articles.count == 24)
    }
}
