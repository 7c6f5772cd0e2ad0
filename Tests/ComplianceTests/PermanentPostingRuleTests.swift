import Testing
@testable import Compliance
@testable import Disclosure

/// `PermanentPostingRule`: items posted permanently (Law 10/2022 Art. 13(2)) must not end, whatever their length.
@Suite struct PermanentPostingRuleTests {
    @Test func permanentItemsNeverEnd() {
        let c = content([
            "procedures": "title: Thủ tục hành chính\ntype: TB\ndate: 2024-04-01\ncategory: law-11.13\nposting: {start: 2024-04-01, days: 20}",
        ])
        let report = Checker.report(for: c, asOf: day("2024-04-02"))
        #expect(codes(report, "procedures").contains(.permanentPostingEnded))
        #expect(!codes(report, "procedures").contains(.postingTooShort))
    }
}
