import Disclosure

/// Runs every rule over the loaded content on a given day.
public enum Checker {
    public static func report(for content: LoadedContent, asOf: Day) -> CheckReport {
        CheckReport(asOf: asOf, records: content.records, diagnostics: content.diagnostics, findings: [])
    }
}
