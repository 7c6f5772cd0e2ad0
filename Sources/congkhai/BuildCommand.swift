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

        The build keeps a cache beside the output, in .congkhai-cache/<output name>/ (never \
        inside the site). When only record texts changed since, the next build reads just the \
        edited files and replaces the few files they reach, in place and each file whole; \
        otherwise pages whose view is unchanged are reused (docs/incremental.md). Delete the \
        cache folder, or pass --clean, for a build from scratch.

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
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError("--base-url: \(problem.vi) / \(problem.en)")
        }
    }

    func run() throws {
        Self.tuneAllocator()
        let progress = BuildProgress(quiet: quiet)
        let outputURL = URL(fileURLWithPath: output, isDirectory: true)
        let asOfOption = asOfOption
        let outcome: BuildOutcome
        do {
            outcome = try SiteBuild.write(contentOptions.request(baseURL: baseURL) { try asOfOption.day(timeZone: $0) },
                                          into: outputURL, clean: clean, progress: progress) { folder in
                // The lock is held on the output's parent: a build into a sibling folder waits too.
                FileHandle.standardError.write(Data("Another build is writing into \(folder.path) (which holds \(output)/); waiting for it to finish…\n".utf8))
            }
        } catch BuildFailure.unreadable(let report, _, _) {
            FileHandle.standardError.write(Data((report + "Nothing was built; \(output)/ is unchanged.\n").utf8))
            throw ExitStatus.unreadable
        } catch BuildFailure.cannotWrite(let error) {
            FileHandle.standardError.write(Data("error: cannot write \(output)/: \(error)\nThe previous site, if any, is unchanged.\n".utf8))
            throw ExitCode.failure
        } catch let error as OutputLockError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        summarize(outcome, elapsed: progress.elapsed, address: baseURL ?? outcome.site.baseURL, output: outputURL)
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
    private func summarize(_ outcome: BuildOutcome, elapsed: Double, address: String, output outputURL: URL) {
        let seconds = String(format: "%.2f", elapsed)
        let site = outcome.built, report = outcome.report
        let files = report.written + report.reused
        print("Built \(site.pages) pages for \(site.records) records into \(output)/ (\(files) files: "
              + "\(report.written) written, \(report.reused) unchanged) in \(seconds) s, as of \(outcome.asOf.vietnamese).")
        guard !quiet else { return }
        print("Posted now: \(site.openPostings); upcoming: \(site.upcomingPostings).")
        if !outcome.themeOverridden.isEmpty { print("Theme files from \(contentOptions.content)/theme: \(outcome.themeOverridden.joined(separator: ", ")).") }
        let warnings = outcome.warnings
        if warnings > 0 { print("\(warnings) warning\(warnings == 1 ? "" : "s") in the content: run `congkhai check` for details.") }
        print("Open \(outputURL.appendingPathComponent("index.html").relativePath) in a browser, or publish the folder at \(address).")
    }
}
