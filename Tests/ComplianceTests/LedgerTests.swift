import Foundation
import Testing
@testable import Compliance
@testable import Disclosure

/// Ledger files written in memory, the way `publish` writes them.
enum LedgerFixture {
    static let tz = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let draft = "du-thao-quy-che-dan-chu"

    static func digest(_ seed: String) -> String { LedgerDigest.sha256(Array(seed.utf8)) }

    /// The sample draft as a publication shows it: posted 05/02 to 25/02/2024, legal end 26/02.
    static func notice(_ id: RecordID = draft, content: String = "v1") -> PostedNotice {
        PostedNotice(id: id, page: "van-ban/\(id)/index.html", digest: digest(content), pageDigest: digest("page \(id)"),
                     start: day("2024-02-05"), end: day("2024-02-25"), legalEnd: day("2024-02-26"))
    }

    /// One line per publication, chained; `times` like `2024-02-06T08:00:00+07:00`.
    static func lines(_ publications: [(time: String, postings: [PostedNotice])], simulated: Bool = false) -> [String] {
        var prev: String?
        return publications.enumerated().map { index, p in
            let entry = LedgerEntry(seq: index + 1, time: LedgerTime.parse(p.time)!, simulated: simulated,
                                    siteDigest: digest("site \(index)"), postings: p.postings, prev: prev)
            prev = entry.hash
            return entry.line
        }
    }

    /// Published on 06/02, 20/02 and 22/02 with the draft in the first two only.
    static var cutShort: [String] {
        lines([("2024-02-06T08:00:00+07:00", [notice()]), ("2024-02-20T08:00:00+07:00", [notice()]), ("2024-02-22T08:00:00+07:00", [])])
    }

    static func ledger(_ lines: [String]) -> Ledger { Ledger(text: lines.joined(), path: "Content/ledger.jsonl") }

    /// A line re-encoded with one field changed: still canonical, so only the chain can tell.
    static func edited(_ line: String, _ change: (inout LedgerEntry) -> Void) -> String {
        var entry = try! LedgerEntry.read(String(line.dropLast())).get()
        change(&entry)
        return entry.line
    }
}

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

@Suite struct LedgerFormatTests {
    @Test func canonicalJSONIsWhatPythonWrites() {
        // json.dumps({"b": "Đông", "a": [1, None, True]}, sort_keys=True, separators=(",", ":"))
        let value = CanonicalJSON.object(["b": .string("Đông \"x\"\n"), "a": .array([.int(1), .null, .bool(true)])])
        #expect(value.encoded == #"{"a":[1,null,true],"b":"\u0110\u00f4ng \"x\"\n"}"#)
    }

    @Test func timesKeepTheCommuneOffsetAndDay() throws {
        let t = try #require(LedgerTime.parse("2024-02-06T08:00", timeZone: LedgerFixture.tz))
        #expect(t.description == "2024-02-06T08:00:00+07:00")
        let utc = try #require(LedgerTime.parse("2024-02-05T18:30:00Z"))
        #expect(utc.day(in: LedgerFixture.tz) == day("2024-02-06"))
        #expect(LedgerTime.parse("2024-02-30T08:00:00+07:00") == nil)
        #expect(LedgerTime.parse("tomorrow") == nil)
    }

    @Test func aLineReadsBackToTheSameEntry() throws {
        let line = LedgerFixture.cutShort[1]
        let entry = try LedgerEntry.read(String(line.dropLast())).get()
        #expect(entry.line == line)
        #expect(entry.postings.map(\.id) == [LedgerFixture.draft])
        if case .failure(let e) = LedgerEntry.read(#"{"seq":1}"#) { #expect(e.en.contains("missing")) } else { Issue.record("read a line without fields") }
    }

    @Test func theSiteDigestIsSha256sumOfTheManifest() {
        let manifest = SiteManifest(files: [SiteFile("b.html", Data("b".utf8)), SiteFile("a.html", Data("a".utf8)),
                                            SiteFile("so-cai/ledger.jsonl", Data("x".utf8))],
                                    layout: LedgerLayout(folder: "so-cai/", ledger: "so-cai/ledger.jsonl", manifest: "so-cai/manifest.sha256",
                                                         page: "so-cai/index.html", head: "api/ledger-head.json"))
        #expect(manifest.entries.map(\.path) == ["a.html", "b.html"])
        #expect(manifest.text.hasPrefix("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.html\n"))
        #expect(manifest.digest == LedgerDigest.sha256(Array(manifest.text.utf8)))
    }
}
