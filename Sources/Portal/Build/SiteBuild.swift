import Foundation
import Disclosure
import Compliance

/// What to build: the content folder, the day, the address.
public struct BuildRequest: Sendable {
    /// The content folder, and how messages name it (`Content`).
    public var content: URL
    public var shownAs: String
    /// The day to show, given the site's time zone (read from `site.yml` first).
    public var asOf: @Sendable (TimeZone) throws -> Day
    /// Replaces `base_url` of `site.yml`.
    public var baseURL: String?

    public init(content: URL, shownAs: String, baseURL: String? = nil, asOf: @escaping @Sendable (TimeZone) throws -> Day) {
        self.content = content
        self.shownAs = shownAs
        self.baseURL = baseURL
        self.asOf = asOf
    }
}

/// Why nothing was built.
public enum BuildFailure: Error, CustomStringConvertible {
    /// The content has errors: the report lists them with file and line, as `check` does, as of
    /// the day the build was to show.
    case unreadable(report: String, diagnostics: [Diagnostic], asOf: Day)
    /// The output could not be written; the previous site is unchanged.
    case cannotWrite(SiteWriterError)

    public var description: String {
        switch self {
        case .unreadable(let report, _, _): return report
        case .cannotWrite(let error): return "\(error)"
        }
    }
}

/// The content as a build reads it, stopped at its errors: what `publish` builds into a web
/// root, and what `build` and `serve` write into a folder (`SiteBuild.write`).
public struct LoadedSite: Sendable {
    public let sources: SiteSources
    public let asOf: Day
    public let baseURL: String?
    /// Loaded with the record files' stamps, for the snapshot of a build into a folder.
    let load: CachedLoad?

    public var content: LoadedContent { sources.content }
    public var warnings: Int { sources.diagnostics.warnings.count }

    /// The build of this content, in memory.
    public var builder: SiteBuilder { sources.builder(asOf: asOf, baseURL: baseURL) }
}

/// What a build into a folder did, with what the commands report about it.
public struct BuildOutcome: Sendable {
    public let asOf: Day
    public let site: SiteConfig
    public let built: BuiltSite
    public let report: SiteWriter.Report
    public let warnings: Int
    public let themeOverridden: [String]
    /// The whole content, when the build loaded it (not when it read only the edited files).
    public let loaded: LoadedSite?
}

/// The one way to build a site: load → stop on errors → model → render → write. `build`,
/// `serve`, `publish` and the tests all come through here.
public enum SiteBuild {
    /// Loads the content and everything a build reads besides, stopping at the first error
    /// (every error of the content reported at once).
    public static func load(_ request: BuildRequest) throws -> LoadedSite {
        try load(request, cached: false)
    }

    static func load(_ request: BuildRequest, cached: Bool) throws -> LoadedSite {
        let load = cached ? CachedLoad(folder: request.content, shownAs: request.shownAs) : nil
        let content = load?.content ?? ContentLoader.load(from: request.content)
        let asOf = try request.asOf(content.site.timeZone)
        let sources = SiteSources(content: content, folder: request.content, shownAs: request.shownAs)
        let diagnostics = sources.diagnostics
        guard !diagnostics.hasErrors else {
            let report = CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: [])
            throw BuildFailure.unreadable(report: report.text(), diagnostics: diagnostics, asOf: asOf)
        }
        return LoadedSite(sources: sources, asOf: asOf, baseURL: request.baseURL, load: load)
    }

    /// Builds into `output` under its lock: when only record texts changed since the last build
    /// into it, just those files are read and what they reach is replaced (`IncrementalBuild`);
    /// otherwise everything is loaded, pages whose view is unchanged are reused (`PageCache`), and
    /// the new site is swapped in whole. `clean` ignores the cache.
    public static func write(_ request: BuildRequest, into output: URL, clean: Bool = false,
                             progress: BuildProgress? = nil, waiting: ((URL) -> Void)? = nil) throws -> BuildOutcome {
        let lock = try OutputLock.acquire(for: output, waiting: waiting)
        defer {
            lock.release()
            progress?.finish()
        }
        let cache = CacheFolder(for: output)
        if !clean, let outcome = try IncrementalBuild.attempt(request, into: output, cache: cache, holding: lock) {
            return outcome
        }

        progress?.update(.loading, 0)
        let loaded = try load(request, cached: true)
        progress?.update(.loading, loaded.content.records.count)
        let sources = loaded.sources
        let pages = PageCache(output: output, theme: sources.theme, ignoringPrevious: clean)
        let context = loaded.load.flatMap { BuildSnapshot.Context(load: $0, sources: sources, asOf: loaded.asOf, baseURL: request.baseURL) }
        do {
            let built = try loaded.builder.build(progress: progress, cache: pages, snapshot: context)
            // The cache never describes a site it does not sit beside: it goes before the swap and
            // comes back after it.
            try cache.remove(BuildSnapshot.file)
            try cache.remove(PageCache.file)
            let report = try SiteWriter.write(built.files, to: output, holding: lock) { count in
                progress?.update(.writing, count, of: built.files.count)
            }
            try pages.write()
            try built.snapshot?.write(in: cache)
            return BuildOutcome(asOf: loaded.asOf, site: loaded.content.site, built: built, report: report,
                                warnings: loaded.warnings, themeOverridden: sources.theme.overridden, loaded: loaded)
        } catch let error as SiteWriterError {
            throw BuildFailure.cannotWrite(error)
        }
    }
}
