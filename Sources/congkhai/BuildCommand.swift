import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Disclosure
import Compliance
import Portal

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the public-disclosure portal (a static site) from the content.",
        discussion: """
        Writes the site into a temporary folder beside --output and swaps it in only when every \
        file is written: a failed build leaves the previous site untouched. The same content and \
        --as-of give a byte-identical site. Templates and assets in <content>/theme/ replace the \
        default theme's files of the same name (docs/theme.md).

        The build leaves a cache in <output>/.congkhai-cache. When only record texts changed \
        since, the next build reads just the edited files and replaces the few files they reach, \
        in place and each file whole; otherwise pages whose view is unchanged are reused \
        (docs/incremental.md). Delete the output, or pass --clean, for a build from scratch.

        Exit status: 0 = built, 2 = the content could not be read (nothing is written).
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var asOfOption: AsOfOption
    @Option(name: .long, help: "The folder to write the site into.")
    var output: String = "Site"
    @Option(name: .long, help: "The public address of the site, ending in /. Default: base_url from site.yml.")
    var baseURL: String?
    @Flag(name: .long, help: "Print only the closing summary line (no progress display, no hints).")
    var quiet = false
    @Flag(name: .long, help: "Ignore the cache of the last build: read every record and render every page.")
    var clean = false

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--base-url “\(baseURL)” must be an absolute http(s) address, such as https://congkhai.example.gov.vn/")
        }
    }

    func run() throws {
        Self.tuneAllocator()
        let progress = BuildProgress(quiet: quiet)
        let outputURL = URL(fileURLWithPath: output, isDirectory: true)
        // One build at a time per output: a second one waits here (OutputLock).
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(for: outputURL) { folder in
                // The lock is held on the output's parent: a build into a sibling folder waits too.
                FileHandle.standardError.write(Data("Another build is writing into \(folder.path) (which holds \(output)/); waiting for it to finish…\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        defer { lock.release() }

        // Only record texts edited since the last build: those files alone are read (IncrementalBuild).
        let incremental: IncrementalBuild.Outcome?
        do {
            incremental = clean ? nil : try IncrementalBuild.attempt(
                content: contentOptions.contentURL, shownAs: contentOptions.content,
                asOf: { try asOfOption.day(timeZone: $0.timeZone) }, baseURL: baseURL, into: outputURL, holding: lock)
        } catch let error as SiteWriterError {
            FileHandle.standardError.write(Data("error: cannot update \(output)/ in place: \(error)\nFiles already replaced are whole; the next build rebuilds the whole site.\n".utf8))
            throw ExitCode.failure
        }
        if let outcome = incremental {
            summarize(outcome.written, asOf: outcome.asOf, elapsed: progress.elapsed, warnings: outcome.warnings,
                      themeOverridden: outcome.themeOverridden, address: baseURL ?? outcome.site.baseURL, output: outputURL)
            Self.exitWithoutFreeing()
        }

        // Load: the records, the calendar, the theme and the attachments, every problem in one pass.
        progress.update(.loading, 0)
        let content = ContentLoader.load(from: contentOptions.contentURL)
        progress.update(.loading, content.records.count)
        let asOf = try asOfOption.day(timeZone: content.site.timeZone)
        let sources = SiteSources(content: content, folder: contentOptions.contentURL, shownAs: contentOptions.content)
        let diagnostics = sources.diagnostics
        guard !diagnostics.hasErrors else {
            progress.finish()
            let report = CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: [])
            FileHandle.standardError.write(Data((report.text() + "Nothing was built; \(output)/ is unchanged.\n").utf8))
            throw ExitStatus.unreadable
        }

        // Render in memory on all cores, then write atomically. Pages whose view did not change since
        // the last build (the cache in <output>/.congkhai-cache) are not rendered again, and files
        // whose bytes did not change are linked from the current site rather than written.
        let written: SiteSources.Written
        do {
            written = try sources.write(asOf: asOf, baseURL: baseURL, into: outputURL, holding: lock, clean: clean, progress: progress)
        } catch let error as SiteWriterError {
            progress.finish()
            FileHandle.standardError.write(Data("error: cannot write \(output)/: \(error)\nThe previous site, if any, is unchanged.\n".utf8))
            throw ExitCode.failure
        }
        progress.finish()

        summarize(written, asOf: asOf, elapsed: progress.elapsed, warnings: diagnostics.warnings.count,
                  themeOverridden: sources.theme.overridden, address: baseURL ?? content.site.baseURL, output: outputURL)
        Self.exitWithoutFreeing()
    }

    /// glibc's allocator hands memory back to the system and asks for it again in small steps, and
    /// a build allocates and frees hundreds of megabytes of small blocks on all cores: larger steps
    /// and no giving back save system time (5–8 % of a 10,000-record build, BENCHMARKS.md).
    private static func tuneAllocator() {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module; M_TRIM_THRESHOLD is -1 and M_TOP_PAD -2 (malloc.h).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-2, 64 << 20)
        _ = mallopt(-1, 256 << 20)
        #endif
    }

    /// Ends the process at once, with the records and pages still in memory: freeing them one by
    /// one costs a noticeable part of a build (half a second at 50,000 records), and the system
    /// takes the memory back whole. The output's lock goes with the process.
    private static func exitWithoutFreeing() -> Never {
        Foundation.exit(0)
    }

    /// The closing summary line, then (unless --quiet) the postings and hints.
    private func summarize(_ written: SiteSources.Written, asOf: Day, elapsed: Double, warnings: Int,
                           themeOverridden: [String], address: String, output outputURL: URL) {
        let seconds = String(format: "%.2f", elapsed)
        let site = written.site
        let files = written.report.written + written.report.reused
        print("Built \(site.pages) pages for \(site.records) records into \(output)/ (\(files) files: "
              + "\(written.report.written) written, \(written.report.reused) unchanged) in \(seconds) s, as of \(asOf.vietnamese).")
        guard !quiet else { return }
        print("Posted now: \(site.openPostings); upcoming: \(site.upcomingPostings).")
        if !themeOverridden.isEmpty { print("Theme files from \(contentOptions.content)/theme: \(themeOverridden.joined(separator: ", ")).") }
        if warnings > 0 { print("\(warnings) warning\(warnings == 1 ? "" : "s") in the content: run `congkhai check` for details.") }
        print("Open \(outputURL.appendingPathComponent("index.html").relativePath) in a browser, or publish the folder at \(address).")
    }
}
