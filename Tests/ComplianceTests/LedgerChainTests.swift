import Foundation
import Testing
@testable import Compliance
@testable import Disclosure

@Suite struct LedgerChainTests {
    typealias F = LedgerFixture

    @Test func aChainAsWrittenVerifies() {
        let ledger = F.ledger(F.cutShort)
        #expect(ledger.lines.count == 3)
        #expect(ledger.lines.allSatisfy { $0.isCanonical })
        #expect(LedgerVerification.problems(ledger).isEmpty)
        #expect(ledger.head == LedgerDigest.sha256(Array(F.cutShort[2].utf8)))
        #expect(ledger.nextSeq == 4)
    }

    @Test(arguments: [0, 1])
    func anEditedEarlierLineIsNamed(index: Int) throws {
        var lines = F.cutShort
        lines[index] = F.edited(lines[index]) { $0.time = LedgerTime.parse("2024-02-05T08:00:00+07:00")! }
        let problems = LedgerVerification.problems(F.ledger(lines))
        let edited = try #require(problems.first { $0.kind == .edited })
        #expect(edited.lines.first == index + 1)
        #expect(edited.vi.contains("Dòng \(index + 1)"))
    }

    @Test func anEditThatBreaksTheFormIsNamed() throws {
        var lines = F.cutShort
        lines[0] = lines[0].replacingOccurrences(of: "\"seq\":1", with: "\"seq\": 1")
        let problems = LedgerVerification.problems(F.ledger(lines))
        #expect(problems.contains { $0.kind == .notCanonical && $0.lines == [1] })
        #expect(problems.contains { $0.kind == .edited && $0.lines.first == 1 })
    }

    @Test func aDeletedLineIsNamed() throws {
        var lines = F.cutShort
        lines.remove(at: 1)
        let problem = try #require(LedgerVerification.problems(F.ledger(lines)).first)
        #expect(problem.kind == .deleted)
        #expect(problem.lines == [1, 2])
        #expect(problem.vi.contains("seq 2"))
    }

    @Test func aDeletedFirstLineIsNamed() throws {
        let lines = Array(F.cutShort.dropFirst())
        let problem = try #require(LedgerVerification.problems(F.ledger(lines)).first)
        #expect(problem.kind == .deleted)
        #expect(problem.lines == [1])
    }

    @Test func anInsertedLineIsNamed() throws {
        var lines = F.cutShort
        // A forged publication between lines 1 and 2, chained properly onto line 1.
        let forged = LedgerEntry(seq: 2, time: LedgerTime.parse("2024-02-10T08:00:00+07:00")!, simulated: false,
                                 siteDigest: F.digest("forged"), postings: [F.notice()], prev: F.ledger([lines[0]]).head)
        lines.insert(forged.line, at: 1)
        let problems = LedgerVerification.problems(F.ledger(lines))
        let inserted = try #require(problems.first { $0.kind == .inserted })
        // The forged line first, then the line whose `prev` skips over it.
        #expect(inserted.lines == [2, 3])
        #expect(inserted.vi.hasPrefix("Dòng 2 đã bị chèn"))
        #expect(inserted.vi.contains("dòng 3 được ghi ngay sau dòng 1"))
    }

    @Test func reorderedLinesAreNamed() throws {
        var lines = F.cutShort
        lines.swapAt(1, 2)
        let problem = try #require(LedgerVerification.problems(F.ledger(lines)).first)
        #expect(problem.kind == .reordered)
        #expect(problem.lines == [2, 3])
    }

    @Test func anIncompleteLastLineIsReported() throws {
        let text = F.cutShort.joined() + "{\"postings\":[],\"pre"
        let ledger = Ledger(text: text, path: "Content/ledger.jsonl")
        #expect(ledger.lines.count == 3)
        #expect(ledger.incompleteTail?.number == 4)
        #expect(ledger.completeBytes == Array(F.cutShort.joined().utf8))
        #expect(LedgerVerification.problems(ledger).map(\.kind) == [.incompleteLine])
    }

    @Test func aRealClockGoingBackIsAWarningNotABreak() {
        let lines = F.lines([("2024-02-20T08:00:00+07:00", []), ("2024-02-06T08:00:00+07:00", [])])
        #expect(LedgerVerification.problems(F.ledger(lines)).map(\.kind) == [.clockBackwards])
    }
}
