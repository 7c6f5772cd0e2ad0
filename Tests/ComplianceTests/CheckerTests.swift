import Foundation
import Testing
@testable import Compliance
@testable import Disclosure

/// Builds content in memory: one record per front-matter string, plus an optional site.yml.
func content(_ records: [String: String], site: String? = nil) -> LoadedContent {
    ContentLoader.assemble(
        site: site.map { SourceFile(path: "site.yml", text: $0) },
        documents: records.sorted { $0.key < $1.key }.map { SourceFile(path: "documents/\($0.key).md", text: "---\n\($0.value)\n---\n") })
}

/// Any date form the content accepts (`2024-02-05`, `05/02/2024`) → Day.
func day(_ text: String) -> Day { DayParsing.parse(text)! }

func codes(_ report: CheckReport, _ id: RecordID) -> [FindingCode] {
    report.findings.filter { $0.recordID == id }.map(\.code)
}

@Suite struct SampleCheckTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")

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

    @Test func shorteningTheDraftByOneDayIsAnError() throws {
        let loaded = ContentLoader.load(from: Self.folder)
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
}

@Suite struct RuleTests {
    static let agencyPlan = """
        title: Kế hoạch công khai
        number: 20/KH-UBND
        date: 2024-02-05
        category: agency-6.1
        """

    @Test func disclosedLateCountsWorkingDaysAcrossTet() throws {
        let c = content(["a": Self.agencyPlan + "\nposting: {start: 2024-02-20, days: 20}"])
        let report = Checker.report(for: c, asOf: day("2024-03-31"))
        let late = try #require(report.findings.first { $0.code == .disclosedLate })
        #expect(late.messageVI.contains("19/02/2024"))
        #expect(late.messageEN.contains("1 working day late"))
        #expect(late.arithmetic.first?.contains("08/02–14/02: Tết Nguyên đán") == true)
    }

    @Test func onTimeAndLongEnoughHasNoTimingFinding() {
        let c = content(["a": Self.agencyPlan + "\nposting: {start: 2024-02-19, days: 21}"])
        let report = Checker.report(for: c, asOf: day("2024-02-19"))
        #expect(!report.findings.contains { [.disclosedLate, .postingTooShort, .legalEndShifted].contains($0.code) })
    }

    @Test func neverPostedIsInfoBeforeTheDeadlineAndAnErrorAfter() {
        let c = content(["a": Self.agencyPlan])
        #expect(codes(Checker.report(for: c, asOf: day("2024-02-19")), "2024-20-kh-ubnd") == [.postingDue])
        #expect(codes(Checker.report(for: c, asOf: day("2024-02-20")), "2024-20-kh-ubnd") == [.neverPosted])
    }

    @Test func recordsWithoutCategoryAreJudgedOnlyOnTheirPosting() {
        let c = content(["a": "title: Thông báo\ntype: TB\ndate: 2024-03-04\nposting: {start: 2024-03-04, days: 3}"])
        #expect(codes(Checker.report(for: c, asOf: day("2024-03-05")), "a") == [.dossierIncomplete, .postingOpen])
    }

    @Test func theLawRegimeNeedsThirtyDaysAndPermanentItemsNeverEnd() {
        let c = content([
            "budget": "title: Dự toán\ntype: BC\ndate: 2024-04-01\ncategory: law-11.2\nposting: {start: 2024-04-01, days: 20}",
            "procedures": "title: Thủ tục hành chính\ntype: TB\ndate: 2024-04-01\ncategory: law-11.13\nposting: {start: 2024-04-01, days: 20}",
        ])
        let report = Checker.report(for: c, asOf: day("2024-04-02"))
        #expect(codes(report, "budget").contains(.postingTooShort))
        #expect(codes(report, "procedures").contains(.permanentPostingEnded))
        #expect(!codes(report, "procedures").contains(.postingTooShort))
    }

    @Test func siteOverridesAndRecordRequiredDays() {
        let site = "policy:\n  categories:\n    agency-6.1: {min_days: 10, basis: 'Luật chuyên ngành'}"
        let ten = Self.agencyPlan + "\nposting: {start: 2024-03-04, days: 10}"
        #expect(!codes(Checker.report(for: content(["a": ten], site: site), asOf: day("2024-03-05")), "2024-20-kh-ubnd").contains(.postingTooShort))
        #expect(codes(Checker.report(for: content(["a": ten]), asOf: day("2024-03-05")), "2024-20-kh-ubnd").contains(.postingTooShort))
        let own = Self.agencyPlan + "\nposting: {start: 2024-03-04, days: 15, required_days: 15, basis: 'Luật Đất đai 2024'}"
        let report = Checker.report(for: content(["a": own]), asOf: day("2024-03-05"))
        #expect(!codes(report, "2024-20-kh-ubnd").contains(.postingTooShort))
    }

    @Test func dossierListsWhatIsMissingOnceThePostingEnded() throws {
        let c = content(["a": Self.agencyPlan + "\nposting: {start: 2024-02-06, days: 21}"])
        let finding = try #require(Checker.report(for: c, asOf: day("2024-03-31")).findings.first { $0.code == .dossierIncomplete })
        #expect(finding.messageEN == "The disclosure dossier lacks: posting-start minutes, end-of-posting minutes, report of results.")
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

@Suite struct PostingStatusTests {
    let schedule = PostingSchedule(
        posting: Posting(start: day("2024-02-05"), end: day("2024-02-25"), days: 20, places: [], feedbackUntil: nil,
                         requiredDays: nil, basis: nil, isPermanent: false),
        calendar: WorkingDayCalendar())

    @Test func statusThroughThePeriod() {
        #expect(schedule.legalEnd == day("2024-02-26"))
        #expect(schedule.status(on: day("2024-02-04")) == .upcoming(startsOn: day("2024-02-05"), inDays: 1))
        #expect(schedule.status(on: day("2024-02-05")) == .open(day: 0, of: 20, daysLeft: 21))
        #expect(schedule.status(on: day("2024-02-15")) == .open(day: 10, of: 20, daysLeft: 11))
        #expect(schedule.status(on: day("2024-02-26")) == .open(day: 20, of: 20, daysLeft: 0))
        #expect(schedule.status(on: day("2024-02-27")) == .ended(on: day("2024-02-26")))
    }

    @Test func dayNumberNeverExceedsTheLength() {
        for offset in -5...40 {
            let d = day("2024-02-05").adding(days: offset)
            if case .open(let k, let n, let left) = schedule.status(on: d) {
                #expect(k <= n && k >= 0 && left >= 0)
            }
        }
    }
}

/// Compares text with a golden file beside the tests; CONGKHAI_RECORD_GOLDEN=1 rewrites it.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["CONGKHAI_RECORD_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name); re-record with CONGKHAI_RECORD_GOLDEN=1 if intended", sourceLocation: sourceLocation)
}
