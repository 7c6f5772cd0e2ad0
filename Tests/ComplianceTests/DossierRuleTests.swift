import Testing
@testable import Compliance
@testable import Disclosure

/// `DossierRule`: a posting is documented by posting-start minutes, end-of-posting minutes and a report.
@Suite struct DossierRuleTests {
    @Test func dossierListsWhatIsMissingOnceThePostingEnded() throws {
        let c = content(["a": agencyPlan + "\nposting: {start: 2024-02-06, days: 21}"])
        let finding = try #require(Checker.report(for: c, asOf: day("2024-03-31")).findings.first { $0.code == .dossierIncomplete })
        #expect(finding.messageEN == "The disclosure dossier lacks: posting-start minutes, end-of-posting minutes, report of results.")
    }
}
