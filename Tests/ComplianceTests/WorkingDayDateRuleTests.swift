import Testing
@testable import Compliance
@testable import Disclosure

/// `WorkingDayDateRule`: a record dated on a weekend or holiday gets a second look.
@Suite struct WorkingDayDateRuleTests {
    @Test func aRecordDatedOnTheFirstDayOfTetIsFlaggedByTheHolidaysName() throws {
        let c = content(["a": "title: Biên bản\ntype: BB\ndate: 2024-02-10"])
        let finding = try #require(Checker.report(for: c, asOf: day("2024-03-31")).findings.first { $0.code == .datedOnDayOff })
        #expect(finding.severity == .warning)
        #expect(finding.messageVI.hasPrefix("Văn bản ghi ngày 10/02/2024, là ngày nghỉ ("))
        #expect(finding.messageVI.contains("Tết"))
    }

    @Test func aRecordDatedOnAWorkingDayIsNotFlagged() {
        let c = content(["a": "title: Biên bản\ntype: BB\ndate: 2024-02-19"])
        #expect(!codes(Checker.report(for: c, asOf: day("2024-03-31")), "a").contains(.datedOnDayOff))
    }

    @Test func aSundayIsADayOffToo() {
        let c = content(["a": "title: Biên bản\ntype: BB\ndate: 2024-02-25"])
        #expect(codes(Checker.report(for: c, asOf: day("2024-03-31")), "a").contains(.datedOnDayOff))
    }
}
