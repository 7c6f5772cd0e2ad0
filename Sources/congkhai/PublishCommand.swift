import ArgumentParser
import Foundation
import Disclosure
import Compliance
import Portal

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build the portal into a web root and record the publication in the ledger.",
        discussion: """
        Builds the site as of the day of the publication, writes it into a folder beside --to and
        swaps the two folders in one step: a web server serving --to sees the old site or the new
        one, never a mix. Then appends one line to <content>/ledger.jsonl: the time, the SHA-256 of
        the published site, and each notice being posted in it with the digest of its content.
        Each line carries the SHA-256 of the line before it (a hash chain); the newest line's hash,
        the head of the chain, is printed and published in the site (so-cai/, api/ledger-head.json),
        so a ledger edited or cut short is caught. `congkhai check` reads the ledger and reports a
        notice taken down or altered before its legal end (docs/ledger.md).

        --clock sets the time, for drills and tests: lines written so are marked simulated, and
        `check` always reports them; they never count as evidence of a real posting.

        Exit status: 0 = published, 1 = not published (compliance errors with --strict, or the
        web root or ledger could not be written; the previous site stays up), 2 = the content
        could not be read (nothing is published).
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @Option(name: .long, help: "The web root to publish into: a folder a web server serves, replaced whole.")
    var to: String
    @Option(name: .long, help: ArgumentHelp(
        "Publish as at this time instead of now, e.g. 2024-02-06T08:00:00+07:00 (or 2024-02-06T08:00 in the site's time zone). The ledger line is marked simulated.",
        valueName: "time"))
    var clock: String?
    @Flag(name: .long, help: "Do not publish when `check` finds compliance errors.")
    var strict = false
    @Option(name: .long, help: "The public address of the site, ending in /. Default: base_url from site.yml.")
    var baseURL: String?

    func validate() throws {
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError("--base-url: \(problem.vi) / \(problem.en)")
        }
    }

    func run() throws {
        // The site shows the day of the publication: --clock moves it too.
        let clock = clock, now = Date()
        let request = contentOptions.request(baseURL: baseURL) { timeZone in
            try PublishCommand.time(clock, now: now, in: timeZone).day(in: timeZone)
        }
        let loaded: LoadedSite
        do {
            loaded = try SiteBuild.load(request)
        } catch BuildFailure.unreadable(let report, _, _) {
            FileHandle.standardError.write(Data((report + "Nothing was published; \(to)/ and the ledger are unchanged.\n").utf8))
            throw ExitStatus.unreadable
        }
        let time = try Self.time(clock, now: now, in: loaded.content.site.timeZone)
        let asOf = loaded.asOf

        // Compliance errors are shown; they stop the publication only with --strict.
        let check = Checker.report(for: loaded.content, book: loaded.sources.book, asOf: asOf)
        let errors = check.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            let report = CheckReport(asOf: asOf, records: loaded.content.records, diagnostics: [], findings: errors)
            FileHandle.standardError.write(Data(report.text().utf8))
            if strict {
                FileHandle.standardError.write(Data("Nothing was published (--strict): fix the errors above, or publish without --strict.\n".utf8))
                throw ExitStatus.findings
            }
        }

        let builder = loaded.builder
        let result: Publisher.Result
        do {
            result = try Publisher.publish(Publisher.Request(
                builder: builder, site: try builder.build(), webRoot: URL(fileURLWithPath: to, isDirectory: true),
                ledgerURL: contentOptions.contentURL.appendingPathComponent(Ledger.fileName),
                ledgerPath: ledgerPath, time: time, simulated: clock != nil))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\nNothing was published; the previous site, if any, is still in \(to)/.\n".utf8))
            throw ExitCode.failure
        }

        if let recovered = result.recovered {
            print("Recovered seq \(recovered.seq) (\(recovered.time)) from \(to)/\(SitePaths.ledger.ledger): an earlier publish was interrupted before it wrote its line.")
        }
        let entry = result.entry
        print("Published \(result.fileCount) files to \(to)/ at \(entry.time), as of \(asOf.vietnamese).")
        print("Ledger: line \(result.lineNumber) (seq \(entry.seq)) appended to \(ledgerPath); \(entry.postings.count) notice\(entry.postings.count == 1 ? "" : "s") being posted: \(entry.postings.map(\.id).joined(separator: ", ")).")
        print("Head of the chain: \(entry.hash)")
        print("Site digest: \(entry.siteDigest)")
        if entry.simulated {
            print("Simulated (--clock): this line is a drill and never counts as evidence of a real posting.")
        }
    }

    /// The publication's time: --clock in the site's time zone, or now.
    private static func time(_ clock: String?, now: Date, in timeZone: TimeZone) throws -> LedgerTime {
        guard let clock else { return LedgerTime(date: now, timeZone: timeZone) }
        guard let parsed = LedgerTime.parse(clock, timeZone: timeZone) else {
            throw ValidationError("--clock “\(clock)” is not a time; write it as \(LedgerTime.acceptedForms)")
        }
        return parsed
    }

    private var ledgerPath: String {
        let folder = contentOptions.content.hasSuffix("/") ? String(contentOptions.content.dropLast()) : contentOptions.content
        return folder + "/" + Ledger.fileName
    }
}
