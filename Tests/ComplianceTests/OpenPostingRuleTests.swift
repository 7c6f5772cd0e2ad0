import Testing
@testable import Compliance
@testable import Disclosure

/// `OpenPostingRule`: a posting running on the day judged says how long it still has to run.
@Suite struct OpenPostingRuleTests {
    static let notice = "title: Thông báo\ntype: TB\ndate: 2024-03-04\nposting: {start: 2024-03-04, days: 3}"

    @Test func anOpenPostingCountsItsDayAndTheDaysLeft() throws {
        let report = Checker.report(for: content(["a": Self.notice]), asOf: day("2024-03-05"))
        let open = try #require(report.findings.first { $0.code == .postingOpen })
        #expect(open.severity == .info)
        #expect(open.messageEN == "Being posted: day 1 of 3, 2 days left (until the end of 07/03/2024).")
        #expect(open.arithmetic == ["04/03 → 05/03 = 1 ngày"])
    }

    @Test func nothingBeforeTheStartOrAfterTheEnd() {
        let c = content(["a": Self.notice])
        #expect(!codes(Checker.report(for: c, asOf: day("2024-03-03")), "a").contains(.postingOpen))
        #expect(!codes(Checker.report(for: c, asOf: day("2024-03-08")), "a").contains(.postingOpen))
    }
}
