import Foundation
import Testing
import Disclosure
@testable import Drafting

/// `congkhai new`: numbering, front matter per type, and posting minutes filled from their subject.
@Suite struct NewRecordTests {
    let content = Samples.content
    let day = Day(year: 2024, month: 3, day: 4)!

    @Test func typeCodesAsTyped() {
        #expect(NewRecord.type(named: "QD")?.code == "QĐ")
        #expect(NewRecord.type(named: "qđ")?.code == "QĐ")
        #expect(NewRecord.type(named: "kh")?.code == "KH")
        #expect(NewRecord.type(named: "QyD")?.code == "QyĐ")
        #expect(NewRecord.type(named: "HD")?.code == "HD")  // Hướng dẫn, not Hợp đồng
        #expect(NewRecord.type(named: "XY") == nil)
    }

    /// The sample's series runs 127 KH → 156 QC → 164 BC → 170 KH: one series across types.
    @Test func nextNumberOfTheYear() throws {
        let kh = try #require(DocumentType.named("KH")), tb = try #require(DocumentType.named("TB"))
        let yearly = NumberSeries(records: content.records, year: 2024, issuerCode: "UBND", type: tb, numbering: .yearly)
        #expect(yearly.next == 171)
        #expect(yearly.isTaken(156) && !yearly.isTaken(157))
        #expect(NumberSeries(records: content.records, year: 2024, issuerCode: "UBND", type: kh, numbering: .perType).next == 171)
        #expect(NumberSeries(records: content.records, year: 2024, issuerCode: "UBND", type: tb, numbering: .perType).next == 1)
        // Numbering restarts on 1 January (Decree 30/2020 Art. 15).
        #expect(NumberSeries(records: content.records, year: 2025, issuerCode: "UBND", type: kh, numbering: .yearly).next == 1)
        #expect(NumberSeries(records: content.records, year: 2024, issuerCode: "HĐND", type: kh, numbering: .yearly).next == 1)
    }

    /// Every type's new record loads beside the sample records without an error.
    @Test func everyTypeLoads() throws {
        for code in ["KH", "TB", "QĐ", "QC", "QyĐ", "BB", "BC", "NQ", "CV"] {
            let type = try #require(DocumentType.named(code))
            var request = NewRecord(type: type, title: code == "KH" ? "Kế hoạch công khai thông tin năm 2024" : nil, date: day,
                                    number: code == "BB" ? nil : 171)
            request.isDraft = code == "QĐ"
            if request.isDraft { request.number = nil }
            let text = RecordTemplate.text(for: request, site: content.site, today: day)
            let path = RecordTemplate.path(for: request, site: content.site)
            let loaded = try Samples.load(content.records.map { ($0.file, try sampleText($0.file)) } + [(path, text)])
            let problems = loaded.diagnostics.filter { $0.severity == .error || $0.location?.file == path }
            #expect(problems.isEmpty, "\(code): \(problems)")
            let record = try #require(loaded.records.first { $0.file == path }, "\(code)")
            #expect(record.type == type && record.date == day)
            #expect(record.number?.number == request.number)
        }
        let plan = NewRecord(type: DocumentType.named("KH")!, title: "Kế hoạch công khai", date: day, number: 171)
        #expect(RecordTemplate.path(for: plan, site: content.site) == "documents/2024/171-kh-ubnd.md")
        #expect(RecordTemplate.text(for: plan, site: content.site, today: day).contains("number: \"171/KH-UBND\""))
    }

    @Test func postingMinutesFromTheirSubject() throws {
        let draft = try #require(content.record("du-thao-quy-che-dan-chu"))
        for kind in [MinutesKind.postingStart, .postingEnd] {
            var request = NewRecord(type: DocumentType.named("BB")!, date: kind == .postingStart ? draft.posting!.start : Day(year: 2024, month: 2, day: 27)!)
            request.minutes = kind
            request.subject = draft
            let text = RecordTemplate.text(for: request, site: content.site, today: day)
            #expect(text.contains("20 ngày, từ ngày 05/02/2024 đến hết ngày 25/02/2024"))
            #expect(text.contains("Địa điểm: Bản tin công khai của UBND cấp xã; Bản tin công khai UBND xã") || kind == .postingEnd)
            #expect(text.contains("minutes: \(kind.rawValue)"))
            #expect(text.contains("subject: du-thao-quy-che-dan-chu"))
            let path = RecordTemplate.path(for: request, site: content.site)
            #expect(path.hasPrefix("documents/2024/bien-ban-") && path.hasSuffix("\(request.date.iso).md"))
            let loaded = try Samples.load(content.records.map { ($0.file, try sampleText($0.file)) } + [(path, text)])
            #expect(!loaded.diagnostics.contains { $0.severity == .error || $0.location?.file == path }, "\(loaded.diagnostics)")
            let minutes = try #require(loaded.records.first { $0.file == path })
            #expect(minutes.subject == draft.id && minutes.minutes == kind)
        }
    }

    private func sampleText(_ file: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
    }
}
