import ArgumentParser
import Foundation
import Disclosure
import Compliance
import Portal

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the public-disclosure portal (a static site) from the content.",
        discussion: """
        Writes the site into a temporary folder beside --output and swaps it in only when every
        file is written: a failed build leaves the previous site untouched. The same content and
        --as-of give a byte-identical site. Templates and assets in <content>/theme/ replace the
        default theme's files of the same name (docs/theme.md).
        Exit status: 0 = built, 2 = the content could not be read (nothing is written).
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var asOfOption: AsOfOption
    @Option(name: .long, help: "The folder to write the site into.")
    var output: String = "Site"
    @Option(name: .long, help: "The public address of the site, ending in /. Default: base_url from site.yml.")
    var baseURL: String?

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--base-url “\(baseURL)” must be an absolute http(s) address, such as https://congkhai.example.gov.vn/")
        }
    }

    func run() throws {
        // Load: the records, the calendar, the theme and the attachments, every problem in one pass.
        let content = ContentLoader.load(from: contentOptions.contentURL)
        let asOf = try asOfOption.day(timeZone: content.site.timeZone)
        let book = RuleBook(content: content)
        let (theme, themeProblems) = Theme.loading(
            overridesIn: contentOptions.contentURL.appendingPathComponent("theme"), shownAs: contentOptions.content + "/theme")
        let attachments = Attachments.locate(for: content, in: contentOptions.contentURL)
        let diagnostics = content.diagnostics + book.diagnostics + themeProblems + attachments.diagnostics
        guard !diagnostics.hasErrors else {
            let report = CheckReport(asOf: asOf, records: content.records, diagnostics: diagnostics, findings: [])
            FileHandle.standardError.write(Data((report.text() + "Nothing was built; \(output)/ is unchanged.\n").utf8))
            throw ExitStatus.unreadable
        }

        // Render in memory, then write atomically.
        let site = try SiteBuilder(content: content, asOf: asOf, book: book, theme: theme,
                                   attachments: attachments.files, baseURL: baseURL).build()
        let outputURL = URL(fileURLWithPath: output, isDirectory: true)
        do {
            try SiteWriter.write(site.files, to: outputURL)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(output)/: \(error)\nThe previous site, if any, is unchanged.\n".utf8))
            throw ExitCode.failure
        }

        print("Built \(site.pages) pages for \(site.records) records into \(output)/ (\(site.files.count) files), as of \(asOf.vietnamese).")
        print("Posted now: \(site.openPostings); upcoming: \(site.upcomingPostings).")
        if !theme.overridden.isEmpty { print("Theme files from \(contentOptions.content)/theme: \(theme.overridden.joined(separator: ", ")).") }
        let warnings = diagnostics.warnings.count
        if warnings > 0 { print("\(warnings) warning\(warnings == 1 ? "" : "s") in the content: run `congkhai check` for details.") }
        print("Open \(outputURL.appendingPathComponent("index.html").relativePath) in a browser, or publish the folder at \(baseURL ?? content.site.baseURL).")
    }
}
