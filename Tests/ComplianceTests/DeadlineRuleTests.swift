import Testing
@testable import Compliance
@testable import Disclosure

/// `DeadlineRule`: disclosure starts within N working days of the decision.
@Suite struct DeadlineRuleTests {
    @Test func disclosedLateCountsWorkingDaysAcrossTet() throws {
        let c = content(["a": agencyPlan + "\nposting: {start: 2024-02-20, days: 20}"])
        let report = Checker.report(for: c, asOf: day("2024-03-31"))
        let late = try #require(report.findings.first { $0.code == .disclosedLate })
        #expect(late.messageVI.contains("19/02/2024"))
        #expect(late.messageEN.contains("1 working day late"))
        #expect(late.arithmetic.first?.contains("08/02–14/02: Tết Nguyên đán") == true)
    }

    @Test func onTimeAndLongEnoughHasNoTimingFinding() {
        let c = content(["a": agencyPlan + "\nposting: {start: 2024-02-19, days: 21}"])
        let report = Checker.report(for: c, asOf: day("2024-02-19"))
        #expect(!report.findings.contains { [.disclosedLate, .postingTooShort, .legalEndShifted].contains($0.code) })
    }

    @Test func neverPostedIsInfoBeforeTheDeadlineAndAnErrorAfter() {
        let c = content(["a": agencyPlan])
        #expect(codes(Checker.report(for: c, asOf: day("2024-02-19")), "2024-20-kh-ubnd") == [.postingDue])
        #expect(codes(Checker.report(for: c, asOf: day("2024-02-20")), "2024-20-kh-ubnd") == [.neverPosted])
    }
}
