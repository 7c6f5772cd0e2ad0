import Disclosure

/// One judgement of the checker about one record: what is wrong (or worth knowing), under which
/// rule, and the arithmetic that proves it, in Vietnamese for staff and English for everyone else.
public struct Finding: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    public var recordID: RecordID
    /// The rule's legal source, e.g. "Bộ luật Dân sự 2015, Điều 148 khoản 5".
    public var legalSource: String
    public var messageVI: String
    public var messageEN: String
    /// Lines of arithmetic: "05/02 → 25/02 = 20 ngày; 25/02 là Chủ nhật → 26/02 theo Điều 148 khoản 5".
    public var arithmetic: [String]
    /// True when the finding depends on holidays computed from the lunar calendar, not official data.
    public var estimated: Bool
    /// For findings drawn from the publication ledger: the numbers of the ledger lines involved.
    public var ledgerLines: [Int]

    public init(_ code: FindingCode, _ severity: Severity, record: RecordID, source: String,
                vi: String, en: String, arithmetic: [String] = [], estimated: Bool = false, ledgerLines: [Int] = []) {
        self.code = code
        self.severity = severity
        self.recordID = record
        self.legalSource = source
        self.messageVI = vi
        self.messageEN = en
        self.arithmetic = arithmetic
        self.estimated = estimated
        self.ledgerLines = ledgerLines
    }
}

/// Stable codes of checker findings; documented in docs/check.md.
public enum FindingCode: String, Sendable, CaseIterable, Codable {
    /// The posting ends before the minimum length under Civil Code Art. 147.
    case postingTooShort = "posting-too-short"
    /// The posting starts after the deadline in working days.
    case disclosedLate = "disclosed-late"
    /// The nominal end is a day off: Art. 148(5) moves the legal end.
    case legalEndShifted = "legal-end-shifted"
    /// A record that must be disclosed has no posting, and its deadline has passed.
    case neverPosted = "never-posted"
    /// A record that must be disclosed has no posting yet, but its deadline has not passed.
    case postingDue = "posting-due"
    /// A posting is running on the day judged.
    case postingOpen = "posting-open"
    /// A posting without posting-start minutes, end-of-posting minutes or a report (seed regulation Art. 9).
    case dossierIncomplete = "dossier-incomplete"
    /// Minutes whose date contradicts the posting they record.
    case minutesContradictPosting = "minutes-contradict-posting"
    /// A record dated on a weekend or holiday.
    case datedOnDayOff = "dated-on-day-off"
    /// A permanent posting that has an end.
    case permanentPostingEnded = "permanent-posting-ended"

    // Publication ledger (docs/ledger.md). Findings about the chain itself are filed under the
    // ledger (`record` = `LedgerAudit.subject`), those about a notice under the notice's id.
    /// The ledger's last line has no newline: a publish was interrupted, or the file was cut.
    case ledgerIncompleteLine = "ledger-incomplete-line"
    /// A line that is not a ledger entry (not JSON, a field missing) or not in the form congkhai writes.
    case ledgerLineUnreadable = "ledger-line-unreadable"
    /// A line changed after the next one was written (the next line's `prev` no longer matches).
    case ledgerLineEdited = "ledger-line-edited"
    /// Lines missing: a gap in `seq` where the chain breaks.
    case ledgerLinesDeleted = "ledger-lines-deleted"
    /// Lines that the chain skips over: added afterwards.
    case ledgerLinesInserted = "ledger-lines-inserted"
    /// Lines out of order.
    case ledgerLinesReordered = "ledger-lines-reordered"
    /// The ledger ends before (or differs from) the head published in a copy of the site.
    case ledgerBehindPublishedHead = "ledger-behind-published-head"
    /// A published copy of the site whose files no longer match the digest its ledger line records.
    case publishedSiteChanged = "published-site-changed"
    /// Lines written with `--clock`: drills, never evidence of a real posting.
    case ledgerSimulated = "ledger-simulated"
    /// A real publication dated before the one above it.
    case ledgerClockBackwards = "ledger-clock-backwards"
    /// A notice missing from a publication made before its legal end.
    case postingCutShort = "posting-cut-short"
    /// A notice whose content changed between two publications before its legal end.
    case postingAltered = "posting-altered"
    /// A notice being posted (by its record) that a publication during its period did not carry.
    case postingNotPublished = "posting-not-published"
}
