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
