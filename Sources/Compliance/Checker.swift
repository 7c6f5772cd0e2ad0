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
        public init(folder: String, files: [SiteFile]) {
            self.folder = folder
            self.files = files
        }
    }

    public static func report(for content: LoadedContent, asOf: Day, published: [PublishedCopy] = []) -> CheckReport {
        let book = RuleBook(content: content)
        let diagnostics = content.diagnostics + book.diagnostics
        // Judge only content that could be read whole: a half-loaded set would give false findings.
        var findings = diagnostics.hasErrors ? [] : findings(for: content, book: book, asOf: asOf)
        // The publication ledger (Content/ledger.jsonl), when there is one: its chain and what it
        // shows about each notice's continuity (docs/ledger.md).
        if !diagnostics.hasErrors, let ledger = Ledger(content: content) {
            findings += LedgerAudit.findings(ledger, content: content, book: book)
        }
        if !diagnostics.hasErrors, !published.isEmpty {
            // Without a ledger file, a published copy is held against an empty ledger: all of it was cut.
            let ledger = Ledger(content: content) ?? Ledger(bytes: [], path: "ledger.jsonl")
            for copy in published { findings += LedgerAudit.compare(ledger, published: copy.files, folder: copy.folder) }
        }
        return CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: findings)
    }
}
