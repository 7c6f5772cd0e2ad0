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
        let findings = diagnostics.hasErrors ? [] : findings(for: content, book: book, asOf: asOf)
        return CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: findings)
    }
}
