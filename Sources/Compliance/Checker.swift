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

    public static func report(for content: LoadedContent, asOf: Day) -> CheckReport {
        let book = RuleBook(content: content)
        let diagnostics = content.diagnostics + book.diagnostics
        // Judge only content that could be read whole: a half-loaded set would give false findings.
        var findings = diagnostics.hasErrors ? [] : findings(for: content, book: book, asOf: asOf)
        // The publication ledger (Content/ledger.jsonl), when there is one: its chain and what it
        // shows about each notice's continuity (docs/ledger.md).
        if !diagnostics.hasErrors, let ledger = Ledger(content: content) {
            findings += LedgerAudit.findings(ledger, content: content, book: book)
        }
        return CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: findings)
    }
}
