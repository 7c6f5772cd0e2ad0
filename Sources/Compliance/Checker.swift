import Disclosure

/// Runs every rule over the loaded content on a given day.
public enum Checker {
    static let rules: [any ComplianceRule] = [
        DeadlineRule(), PostingLengthRule(), PermanentPostingRule(), DossierRule(), WorkingDayDateRule(), OpenPostingRule(),
    ]

    public static func findings(for content: LoadedContent, book: RuleBook, asOf: Day) -> [Finding] {
        let context = RuleContext(book: book, asOf: asOf, records: content.records)
        return content.records.flatMap { record in rules.flatMap { $0.findings(for: record, in: context) } }
    }

    /// A copy of the site as published (a web root, or one an oversight body downloaded), to hold
    /// the ledger against: only such a copy catches the ledger's last lines cut or its last line edited.
    public struct PublishedCopy: Sendable {
        public var folder: String
        public var files: [SiteFile]
        /// Where that site keeps its ledger files.
        public var layout: LedgerLayout
        public init(folder: String, files: [SiteFile], layout: LedgerLayout) {
            self.folder = folder
            self.files = files
            self.layout = layout
        }
    }

    /// - Parameter book: the calendar and policy of `content`, when the caller has built it already.
    public static func report(for content: LoadedContent, book: RuleBook? = nil, asOf: Day,
                              published: [PublishedCopy] = []) -> CheckReport {
        let book = book ?? RuleBook(content: content)
        let diagnostics = content.diagnostics + book.diagnostics
        // Judge only content that could be read whole: a half-loaded set would give false findings.
        guard !diagnostics.hasErrors else {
            return CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: [])
        }
        var findings = findings(for: content, book: book, asOf: asOf)
        // The publication ledger (Content/ledger.jsonl), when there is one: its chain and what it
        // shows about each notice's continuity (docs/ledger.md); then each published copy held
        // against it (without a ledger file, against an empty ledger: all of it was cut).
        let ledger = Ledger(content: content)
        if let ledger { findings += LedgerAudit.findings(ledger, content: content, book: book) }
        let held = ledger ?? Ledger(bytes: [], path: "ledger.jsonl")
        for copy in published { findings += LedgerAudit.compare(held, published: copy.files, folder: copy.folder, layout: copy.layout) }
        return CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: findings)
    }
}
