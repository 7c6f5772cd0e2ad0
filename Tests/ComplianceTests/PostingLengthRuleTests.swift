import Testing
import TestSupport
@testable import Compliance
@testable import Disclosure

/// `PostingLengthRule`: a posting lasts the required days (Civil Code Art. 147), its end moved by Art. 148(5).
@Suite struct PostingLengthRuleTests {
    @Test func shorteningTheDraftByOneDayIsAnError() throws {
        let loaded = ContentLoader.load(from: SampleContent.folder)
        var records = loaded.records
        let index = try #require(records.firstIndex { $0.id == "du-thao-quy-che-dan-chu" })
        records[index].posting?.end = day("2024-02-24")
        let changed = LoadedContent(site: loaded.site, records: records, diagnostics: loaded.diagnostics, holidays: nil)
        let report = Checker.report(for: changed, asOf: day("2024-03-31"))
        let short = try #require(report.findings.first { $0.code == .postingTooShort })
        #expect(short.severity == .error)
        #expect(short.messageEN.contains("1 day too short"))
        #expect(short.messageEN.contains("first day seems to have been counted"))
    }

    @Test func theLawRegimeNeedsThirtyDays() {
        let c = content([
            "budget": "title: Dự toán\ntype: BC\ndate: 2024-04-01\ncategory: law-11.2\nposting: {start: 2024-04-01, days: 20}",
        ])
        let report = Checker.report(for: c, asOf: day("2024-04-02"))
        #expect(codes(report, "budget").contains(.postingTooShort))
    }

    @Test func siteOverridesAndRecordRequiredDays() {
        let site = "policy:\n  categories:\n    agency-6.1: {min_days: 10, basis: 'Luật chuyên ngành'}"
        let ten = agencyPlan + "\nposting: {start: 2024-03-04, days: 10}"
        #expect(!codes(Checker.report(for: content(["a": ten], site: site), asOf: day("2024-03-05")), "2024-20-kh-ubnd").contains(.postingTooShort))
        #expect(codes(Checker.report(for: content(["a": ten]), asOf: day("2024-03-05")), "2024-20-kh-ubnd").contains(.postingTooShort))
        let own = agencyPlan + "\nposting: {start: 2024-03-04, days: 15, required_days: 15, basis: 'Luật Đất đai 2024'}"
        let report = Checker.report(for: content(["a": own]), asOf: day("2024-03-05"))
        #expect(!codes(report, "2024-20-kh-ubnd").contains(.postingTooShort))
    }
}
