import Foundation
import Testing
@testable import Compliance
@testable import Disclosure

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
