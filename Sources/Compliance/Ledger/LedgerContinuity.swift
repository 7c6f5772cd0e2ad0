import Foundation
import Disclosure

/// Reads the ledger as a film of the portal: publication after publication, which notices were up.
/// A notice must stay up, unchanged, from its start through its legal end (Civil Code Art. 147–148;
/// "liên tục", Law 10/2022 Art. 13 and 48). Between two publications the site stays as it was
/// published, so a notice present at line a and absent at line b was taken down in between.
///
/// The period used is the one the ledger itself recorded when the notice was up (its `legal_end`),
/// not what the record says today: deleting or re-dating a record cannot hide a cut.
public enum LedgerContinuity {
    public struct Break: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// Missing from publication `after` although due until `legalEnd`.
            case cutShort
            /// Still there at `after` but saying something else (another `NoticeDigest`).
            case altered(from: String, to: String)
        }
        public var kind: Kind
        public var id: RecordID
        /// The last line that showed the notice as before, and the first that does not.
        public var before: LedgerLine
        public var after: LedgerLine
        public var start: Day
        public var end: Day?
        public var legalEnd: Day?
        /// True when either line was written with `--clock`.
        public var simulated: Bool
    }

    public static func breaks(_ ledger: Ledger, timeZone: TimeZone) -> [Break] {
        struct Shown { var line: LedgerLine; var notice: PostedNotice; var simulated: Bool }
        var shown: [RecordID: Shown] = [:]
        var breaks: [Break] = []
        for (line, entry) in ledger.entries {
            let day = entry.time.day(in: timeZone)
            for id in shown.keys.sorted() {
                let was = shown[id]!
                // Still due on this day? (A permanent posting is always due.)
                if let legalEnd = was.notice.legalEnd, day > legalEnd {
                    shown[id] = nil
                    continue
                }
                if let now = entry.notice(id) {
                    if now.digest != was.notice.digest {
                        breaks.append(Break(kind: .altered(from: was.notice.digest, to: now.digest), id: id, before: was.line, after: line,
                                            start: was.notice.start, end: was.notice.end, legalEnd: was.notice.legalEnd,
                                            simulated: was.simulated || entry.simulated))
                    }
                } else {
                    breaks.append(Break(kind: .cutShort, id: id, before: was.line, after: line,
                                        start: was.notice.start, end: was.notice.end, legalEnd: was.notice.legalEnd,
                                        simulated: was.simulated || entry.simulated))
                    shown[id] = nil
                }
            }
            for notice in entry.postings {
                shown[notice.id] = Shown(line: line, notice: notice, simulated: entry.simulated)
            }
        }
        return breaks
    }

    /// The publications that carried a notice, in ledger order: the evidence minutes cite.
    public static func appearances(of id: RecordID, in ledger: Ledger) -> [(line: LedgerLine, entry: LedgerEntry, notice: PostedNotice)] {
        ledger.entries.compactMap { line, entry in entry.notice(id).map { (line, entry, $0) } }
    }
}
