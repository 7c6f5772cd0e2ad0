import Foundation
import Disclosure
import Compliance
import Portal

/// One build of the preview: the site written into the preview's own folder, or the diagnostics
/// that stopped it, with the checker's findings for the staff panel. Never written into Site/.
public struct PreviewBuild: Sendable {
    public enum Outcome: Sendable {
        /// The site is in `folder`.
        case built(folder: URL, pages: Int, records: Int)
        /// Nothing usable was built: the report (file:line: error…) to show for every URL.
        case failed(report: String)
    }

    public let outcome: Outcome
    public let asOf: Day
    /// Checker findings by record, and the content's diagnostics by record file.
    public let findings: [RecordID: [Finding]]
    public let diagnostics: [String: [Diagnostic]]
    /// Each record's source file, to match diagnostics with the page being viewed.
    public let recordFiles: [RecordID: String]
    public let duration: Duration

    public var isFailed: Bool { if case .failed = outcome { true } else { false } }
}

/// Builds the preview with the same public entry points as `congkhai build` (load, rule book,
/// theme, attachments, `SiteBuilder`, `SiteWriter`): what staff see is what `build` will publish.
public struct PreviewBuilder: Sendable {
    public let content: URL
    /// How the content folder is named in messages ("Content").
    public let contentShown: String
    /// The folder the site is written into (inside the preview's temporary folder).
    public let output: URL
    /// The day to preview; nil = today in the site's time zone, read again at every build.
    public let asOf: Day?
    public let baseURL: String?

    public init(content: URL, contentShown: String, output: URL, asOf: Day?, baseURL: String? = nil) {
        self.content = content
        self.contentShown = contentShown
        self.output = output
        self.asOf = asOf
        self.baseURL = baseURL
    }

    public func build() -> PreviewBuild {
        let clock = ContinuousClock()
        let started = clock.now
        let asOf = asOf
        let request = BuildRequest(content: content, shownAs: contentShown, baseURL: baseURL) { asOf ?? Day.today(in: $0) }

        func finish(_ outcome: PreviewBuild.Outcome, day: Day, records: [Record] = [], diagnostics: [Diagnostic] = [],
                    findings: [Finding] = []) -> PreviewBuild {
            PreviewBuild(outcome: outcome, asOf: day, findings: Dictionary(grouping: findings, by: \.recordID),
                         diagnostics: Dictionary(grouping: diagnostics.filter { $0.location != nil }, by: { $0.location!.file }),
                         recordFiles: Dictionary(records.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first }),
                         duration: clock.now - started)
        }
        // The same entry point as `build`, incremental path and page cache included, so an edit
        // re-renders only what it touches; the staff panel's findings come from the whole content.
        do {
            let outcome = try SiteBuild.write(request, into: output)
            let loaded = try outcome.loaded ?? SiteBuild.load(request)
            let findings = Checker.findings(for: loaded.content, book: loaded.sources.book, asOf: outcome.asOf)
            return finish(.built(folder: output, pages: outcome.built.pages, records: outcome.built.records), day: outcome.asOf,
                          records: loaded.content.records, diagnostics: loaded.sources.diagnostics, findings: findings)
        } catch BuildFailure.unreadable(let report, let diagnostics, let day) {
            return finish(.failed(report: report), day: day, diagnostics: diagnostics)
        } catch {
            return finish(.failed(report: "error: the site could not be built: \(error)\n"), day: asOf ?? Day.today(in: SiteConfig.vietnam))
        }
    }
}
