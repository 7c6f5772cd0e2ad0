import Foundation
import Testing
import Disclosure
import Compliance
@testable import Portal

/// `Publisher` on the sample content, into a temporary web root.
@Suite struct LedgerPublishTests {
    let work: URL
    let ledgerURL: URL
    let webRoot: URL

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        ledgerURL = work.appendingPathComponent("ledger.jsonl")
        webRoot = work.appendingPathComponent("www")
    }

    @discardableResult
    func publish(_ time: String, drop: RecordID? = nil) throws -> Publisher.Result {
        var content = PortalFixture.load()
        if let drop { content.records.removeAll { $0.id == drop } }
        let t = try #require(LedgerTime.parse(time))
        let builder = SiteBuilder(content: content, asOf: t.day(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!), book: RuleBook(content: content),
                                  attachments: Attachments.locate(for: content, in: PortalFixture.contentFolder).files)
        return try Publisher.publish(Publisher.Request(builder: builder, site: try builder.build(), webRoot: webRoot,
                                                       ledgerURL: ledgerURL, ledgerPath: "Content/ledger.jsonl", time: t, simulated: true))
    }

    func ledger() throws -> Ledger { Ledger(bytes: Array(try Data(contentsOf: ledgerURL)), path: "Content/ledger.jsonl") }

    @Test func twoPublicationsChainAndTheSiteCarriesTheHead() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try publish("2024-02-06T08:00:00+07:00")
        let second = try publish("2024-02-20T08:00:00+07:00")
        #expect(first.entry.postings.map(\.id) == [PortalFixture.draftID])
        #expect(second.entry.prev == first.entry.hash)
        let ledger = try ledger()
        #expect(ledger.lines.count == 2)
        #expect(LedgerVerification.problems(ledger).isEmpty)
        let head = try #require(PublishedHead(json: try Data(contentsOf: webRoot.appendingPathComponent(SitePaths.ledger.head))))
        #expect(head.head == ledger.head)
        #expect(try Data(contentsOf: webRoot.appendingPathComponent(SitePaths.ledger.ledger)) == Data(ledger.completeBytes))
        // The files served are exactly the ones the line records.
        #expect(SiteManifest(files: try SiteManifest.read(folder: webRoot), layout: SitePaths.ledger).digest == second.entry.siteDigest)
        let page = try String(contentsOf: webRoot.appendingPathComponent(SitePaths.ledger.page), encoding: .utf8)
        #expect(page.contains(ledger.head!))
        #expect(page.contains("<html lang=\"vi\""))
        // Nothing is left beside the web root.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["ledger.jsonl", "www"])
    }

    @Test func aDroppedNoticeIsCutShortAgainstTheLedgersOwnPeriod() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try publish("2024-02-06T08:00:00+07:00")
        try publish("2024-02-20T08:00:00+07:00")
        try publish("2024-02-22T08:00:00+07:00", drop: PortalFixture.draftID)
        let breaks = LedgerContinuity.breaks(try ledger(), timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        #expect(breaks.map { [$0.before.number, $0.after.number] } == [[2, 3]])
    }

    @Test func aLineLostToAKillAfterTheSwapIsRecoveredFromTheSite() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try publish("2024-02-06T08:00:00+07:00")
        let second = try publish("2024-02-20T08:00:00+07:00")
        // As if killed after the swap and before the append: the site has line 2, the ledger not.
        let full = try Data(contentsOf: ledgerURL)
        let firstLine = full.prefix(through: full.firstIndex(of: 0x0A)!)
        try Data(firstLine).write(to: ledgerURL)
        let third = try publish("2024-02-21T08:00:00+07:00")
        #expect(third.recovered == second.entry)
        let ledger = try ledger()
        #expect(ledger.lines.count == 3)
        #expect(LedgerVerification.problems(ledger).isEmpty)
    }

    @Test func aLedgerCutShortAtItsEndIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try publish("2024-02-06T08:00:00+07:00")
        try publish("2024-02-20T08:00:00+07:00")
        try publish("2024-02-21T08:00:00+07:00")
        let full = try Data(contentsOf: ledgerURL)
        try Data(full.prefix(through: full.firstIndex(of: 0x0A)!)).write(to: ledgerURL)  // lines 2 and 3 gone
        #expect(throws: Publisher.Failure.self) { try publish("2024-02-22T08:00:00+07:00") }
        #expect(try ledger().lines.count == 1)
    }

    @Test func aHalfWrittenLineStopsPublishAndLeavesTheSite() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try publish("2024-02-06T08:00:00+07:00")
        let before = try SiteManifest.read(folder: webRoot)
        let handle = try FileHandle(forWritingTo: ledgerURL)
        handle.seekToEndOfFile()
        handle.write(Data("{\"postings\":[".utf8))
        try handle.close()
        #expect(throws: Publisher.Failure.self) { try publish("2024-02-20T08:00:00+07:00") }
        #expect(try SiteManifest.read(folder: webRoot) == before)
    }

    @Test func hiddenEntriesOfABuildAreNotPublished() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = WebRoot(webRoot)
        var staged = try root.stage([OutputFile("index.html", Data("a".utf8)), OutputFile(".congkhai-cache/x", Data("b".utf8)),
                                     OutputFile("a/.hidden", Data("c".utf8))])
        try staged.swapIn()
        staged.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: webRoot.path) == ["index.html"])
    }

    /// `check --published`: only a published copy can show that the ledger's end was cut or its
    /// last line edited, or that the served files were changed after publication.
    @Test func aPublishedCopyCatchesACutEndAnEditedLastLineAndChangedFiles() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try publish("2024-02-06T08:00:00+07:00")
        try publish("2024-02-20T08:00:00+07:00")
        func findings(_ ledger: Ledger) throws -> [Finding] {
            LedgerAudit.compare(ledger, published: try SiteManifest.read(folder: webRoot), folder: "www", layout: SitePaths.ledger)
        }
        #expect(try findings(try ledger()).isEmpty)

        let bytes = Array(try Data(contentsOf: ledgerURL))
        let firstLine = Array(bytes[...bytes.firstIndex(of: 0x0A)!])
        let cut = try findings(Ledger(bytes: firstLine, path: "Content/ledger.jsonl"))
        #expect(cut.map(\.code) == [.ledgerBehindPublishedHead])
        #expect(cut.first?.ledgerLines == [1])

        var edited = String(decoding: bytes, as: UTF8.self)
        edited = edited.replacingOccurrences(of: "2024-02-20T08:00:00+07:00", with: "2024-02-19T08:00:00+07:00")
        let editedFindings = try findings(Ledger(bytes: Array(edited.utf8), path: "Content/ledger.jsonl"))
        #expect(editedFindings.contains { $0.code == .ledgerLineEdited && $0.ledgerLines == [2] })

        try Data("<p>changed</p>\n".utf8).write(to: webRoot.appendingPathComponent("index.html"))
        let changed = try findings(try ledger())
        #expect(changed.map(\.code) == [.publishedSiteChanged])
        #expect(changed.first?.arithmetic.contains("đã sửa index.html") == true)
    }
}
