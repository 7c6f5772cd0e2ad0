import Foundation
import Testing
@testable import Compliance
@testable import Disclosure

@Suite struct LedgerContinuityTests {
    typealias F = LedgerFixture

    @Test func aNoticeDroppedBeforeItsLegalEndIsCutShortBetweenTheTwoLines() throws {
        let breaks = LedgerContinuity.breaks(F.ledger(F.cutShort), timeZone: F.tz)
        let cut = try #require(breaks.first)
        #expect(breaks.count == 1)
        #expect(cut.kind == .cutShort)
        #expect(cut.id == F.draft)
        #expect(cut.before.number == 2)
        #expect(cut.after.number == 3)
        #expect(cut.legalEnd == day("2024-02-26"))
    }

    @Test func aNoticeKeptThroughItsWholePeriodPasses() {
        let lines = F.lines([("2024-02-06T08:00:00+07:00", [F.notice()]), ("2024-02-20T08:00:00+07:00", [F.notice()]),
                             ("2024-02-26T23:00:00+07:00", [F.notice()]), ("2024-02-27T08:00:00+07:00", [])])
        #expect(LedgerContinuity.breaks(F.ledger(lines), timeZone: F.tz).isEmpty)
    }

    @Test func takingItDownOnItsLegalEndDayIsStillACut() {
        // The period runs to the end of 26/02: a publication on 26/02 must still carry it.
        let lines = F.lines([("2024-02-06T08:00:00+07:00", [F.notice()]), ("2024-02-26T09:00:00+07:00", [])])
        #expect(LedgerContinuity.breaks(F.ledger(lines), timeZone: F.tz).map(\.kind) == [.cutShort])
    }

    @Test func aNoticeChangedWhilePostedIsAltered() throws {
        let lines = F.lines([("2024-02-06T08:00:00+07:00", [F.notice(content: "v1")]),
                             ("2024-02-20T08:00:00+07:00", [F.notice(content: "v2")])])
        let breaks = LedgerContinuity.breaks(F.ledger(lines), timeZone: F.tz)
        #expect(breaks.map(\.kind) == [.altered(from: F.digest("v1"), to: F.digest("v2"))])
    }

    @Test func auditReportsTheCutAsAnErrorWithBothLinesAndSimulatedLinesAsAWarning() throws {
        let lines = F.lines([("2024-02-06T08:00:00+07:00", [F.notice()]), ("2024-02-20T08:00:00+07:00", [F.notice()]),
                             ("2024-02-22T08:00:00+07:00", [])], simulated: true)
        var loaded = content([:])
        loaded.ledger = SourceFile(path: "Content/ledger.jsonl", text: lines.joined())
        let findings = LedgerAudit.findings(Ledger(content: loaded)!, content: loaded, book: RuleBook(content: loaded))
        let cut = try #require(findings.first { $0.code == .postingCutShort })
        #expect(cut.severity == .error)
        #expect(cut.ledgerLines == [2, 3])
        #expect(cut.messageVI.contains("26/02/2024"))
        let simulated = try #require(findings.first { $0.code == .ledgerSimulated })
        #expect(simulated.severity == .warning)
        #expect(findings.filter { $0.severity == .error }.map(\.code) == [.postingCutShort])
    }
}
