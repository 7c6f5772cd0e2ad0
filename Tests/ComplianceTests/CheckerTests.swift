import Foundation
import Testing
import TestSupport
@testable import Compliance
@testable import Disclosure

/// The checker as a whole: every rule over the sample content, its report, and content it must not judge.
@Suite struct CheckerTests {
    static let folder = SampleContent.folder

    @Test func theSeedRecordsAsOfEndOfMarch2024() throws {
        let report = Checker.report(for: ContentLoader.load(from: Self.folder), asOf: day("2024-03-31"))
        #expect(report.exitCode == 1)
        #expect(codes(report, "2024-156-qc-ubnd") == [.neverPosted])
        #expect(codes(report, "du-thao-quy-che-dan-chu") == [.legalEndShifted])
        #expect(codes(report, "bien-ban-hop-trien-khai-quy-che") == [.datedOnDayOff])
        #expect(codes(report, "bien-ban-ket-thuc-niem-yet-du-thao") == [.datedOnDayOff, .minutesContradictPosting])
        let never = try #require(report.findings.first { $0.code == .neverPosted })
        #expect(never.messageVI.contains("04/03/2024"))
        let shift = try #require(report.findings.first { $0.code == .legalEndShifted })
        #expect(shift.arithmetic == ["06/02 → 25/02 = 20 ngày (ngày đầu 05/02 không tính, Điều 147 Bộ luật Dân sự); 25/02 là Chủ nhật → 26/02 theo Điều 148 khoản 5"])
        let tet = try #require(report.findings.first { $0.code == .datedOnDayOff && $0.recordID == "bien-ban-hop-trien-khai-quy-che" })
        #expect(tet.messageVI.contains("Tết"))
    }

    /// `check`'s text report on the seed, byte for byte. Re-record with CONGKHAI_RECORD_GOLDEN=1.
    @Test func textReportGolden() throws {
        let report = Checker.report(for: ContentLoader.load(from: Self.folder), asOf: day("2024-03-31"))
        try assertGolden(report.text().replacingOccurrences(of: Self.folder.path + "/", with: ""), "check-2024-03-31.txt")
        try assertGolden(report.json().replacingOccurrences(of: Self.folder.path + "/", with: ""), "check-2024-03-31.json")
    }

    /// `check --format json` read back with a JSON parser: every value the report holds, hostile
    /// text included, comes back as it was.
    @Test func jsonReportParsesBack() throws {
        var report = Checker.report(for: ContentLoader.load(from: Self.folder), asOf: day("2024-03-31"))
        let hostile = "\"q\" \\ </script> <!-- \u{0}\u{1F}\n\t \u{2028} Đông Sơn 😀"
        report.diagnostics.append(Diagnostic(.warning, .notUTF8, hostile, hint: "hint/" + hostile,
                                             at: SourceLocation(file: "Content/a.md", line: 3, column: 7)))
        report.diagnostics.append(Diagnostic(.info, .notUTF8, "no location", at: nil))
        report.findings.append(Finding(.postingCutShort, .error, record: "Content/ledger.jsonl", source: hostile,
                                       vi: hostile, en: "en", arithmetic: [hostile, ""], ledgerLines: [2, 5]))
        let text = report.json()
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["as_of", "diagnostics", "findings", "schema", "summary"])
        #expect(object["as_of"] as? String == "2024-03-31")
        #expect(object["schema"] as? String == "https://congkhai.example/schema/check-report-v1")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["errors": report.errorCount, "exit_code": Int(report.exitCode), "info": report.infoCount,
                            "records": report.records.count, "warnings": report.warningCount])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == report.diagnostics.count)
        for (json, d) in zip(diagnostics, report.diagnostics) {
            #expect(json["code"] as? String == d.code.rawValue)
            #expect(json["severity"] as? String == d.severity.rawValue)
            #expect(json["message"] as? String == d.message)
            #expect(json["hint"] as? String == d.hint)
            #expect(json["file"] as? String == d.location?.file)
            #expect(json["line"] as? Int == d.location?.line)
            #expect(json["column"] as? Int == d.location?.column)
        }
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        for (json, f) in zip(findings, report.findings) {
            #expect(json["code"] as? String == f.code.rawValue)
            #expect(json["record"] as? String == f.recordID)
            #expect(json["legal_source"] as? String == f.legalSource)
            #expect(json["message_vi"] as? String == f.messageVI)
            #expect(json["message_en"] as? String == f.messageEN)
            #expect(json["arithmetic"] as? [String] == f.arithmetic)
            #expect(json["estimated"] as? Bool == f.estimated)
            #expect((json["ledger_lines"] as? [Int] ?? []) == f.ledgerLines)
        }
        #expect(findings.last?["file"] as? String == "Content/ledger.jsonl")
    }

    @Test func recordsWithoutCategoryAreJudgedOnlyOnTheirPosting() {
        let c = content(["a": "title: Thông báo\ntype: TB\ndate: 2024-03-04\nposting: {start: 2024-03-04, days: 3}"])
        #expect(codes(Checker.report(for: c, asOf: day("2024-03-05")), "a") == [.dossierIncomplete, .postingOpen])
    }

    @Test func unreadableContentIsNotJudged() {
        let c = content(["a": "title: x\ndate: 31/02/2024\ntype: TB"])
        let report = Checker.report(for: c, asOf: day("2024-03-31"))
        #expect(report.exitCode == 2)
        #expect(report.findings.isEmpty)
    }

    @Test func holidaysFileErrorsMakeContentUnreadable() {
        var c = content(["a": "title: x\ndate: 2024-03-01\ntype: TB"])
        c.holidays = SourceFile(path: "holidays.yml", text: "2027:\n  non_working:\n    - {name: Tết, from: 2027-02-10, to: 2027-02-01, legal_source: x}\n")
        let report = Checker.report(for: c, asOf: day("2024-03-31"))
        #expect(report.exitCode == 2)
        #expect(report.diagnostics.contains { $0.code == .invalidHolidays && $0.location?.line == 3 })
    }
}
