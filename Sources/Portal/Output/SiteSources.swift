import Foundation
import Disclosure
import Compliance

/// What a build reads besides the records: the legal calendar and policy, the theme with the
/// commune's overrides from `<content>/theme`, and the attachments — with every problem found
/// in one list, so build, publish and serve stop on the same errors and report them alike.
public struct SiteSources: Sendable {
    public let content: LoadedContent
    public let book: RuleBook
    public let theme: Theme
    /// Content-relative attachment path → the file to copy.
    public let attachments: [String: URL]
    /// The content's diagnostics, then the calendar's, the theme's and the attachments'.
    public let diagnostics: [Diagnostic]
    let themeDiagnostics: [Diagnostic]
    /// The content folder and how messages name it.
    let folder: URL
    let shown: String

    /// - Parameters:
    ///   - folder: the content folder `content` was loaded from.
    ///   - shown: how that folder is named in messages (`Content`).
    public init(content: LoadedContent, folder: URL, shownAs shown: String) {
        self.content = content
        book = RuleBook(content: content)
        let (theme, themeProblems) = Theme.loading(overridesIn: folder.appendingPathComponent("theme"), shownAs: shown + "/theme")
        self.theme = theme
        themeDiagnostics = themeProblems
        self.folder = folder
        self.shown = shown
        let located = Attachments.locate(for: content, in: folder)
        attachments = located.files
        diagnostics = content.diagnostics + book.diagnostics + themeProblems + located.diagnostics
    }

    /// The build of this content as of `asOf`.
    public func builder(asOf: Day, baseURL: String?) -> SiteBuilder {
        SiteBuilder(content: content, asOf: asOf, book: book, theme: theme, attachments: attachments, baseURL: baseURL)
    }
}

extension SiteSources {
    /// What a build wrote: the site's counts and the writer's report.
    public struct Written: Sendable {
        public let site: BuiltSite
        public let report: SiteWriter.Report
    }

    /// Builds as of `asOf` into `output` the way `build` and `serve` both do, under the output's
    /// lock: pages whose view did not change since the site already there (its cache in
    /// `.congkhai-cache`) are not rendered again, files with unchanged bytes are linked, and the
    /// new site is swapped in whole, with the snapshot of its records for `IncrementalBuild`.
    /// `clean`: ignore the cache and render every page. Errors of the writer come as `SiteWriterError`.
    public func write(asOf: Day, baseURL: String?, into output: URL, holding lock: OutputLock,
                      clean: Bool = false, progress: BuildProgress? = nil) throws -> Written {
        let cache = PageCache(output: output, theme: theme, ignoringPrevious: clean)
        let snapshot = BuildSnapshot.Context(sources: self, folder: folder, shownAs: shown, asOf: asOf, baseURL: baseURL)
        let site = try builder(asOf: asOf, baseURL: baseURL).build(progress: progress, cache: cache, snapshot: snapshot)
        let report = try SiteWriter.write(site.files, to: output, holding: lock) { count in
            progress?.update(.writing, count, of: site.files.count)
        }
        return Written(site: site, report: report)
    }
}
