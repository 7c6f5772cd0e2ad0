import ArgumentParser
import Foundation
import Disclosure
import Compliance
import Portal

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the records against the content format and the legal timing rules.",
        discussion: """
        Exit status: 0 = no errors (warnings and info allowed), 1 = compliance errors found,
        2 = the content could not be read. The JSON schema is documented in docs/check.md.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var asOfOption: AsOfOption
    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text
    @Option(name: .long, help: ArgumentHelp(
        "A published copy of the site (a web root written by `congkhai publish`) to hold the ledger against; repeatable.",
        discussion: "Catches ledger lines cut from the end, a last line edited, and files changed after publication."))
    var published: [String] = []

    func run() throws {
        let content = ContentLoader.load(from: contentOptions.contentURL)
        let asOf = try asOfOption.day(timeZone: content.site.timeZone)
        let copies = try published.map { folder in
            do {
                return Checker.PublishedCopy(folder: folder, files: try SiteManifest.read(folder: URL(fileURLWithPath: folder, isDirectory: true)),
                                             layout: SitePaths.ledger)
            } catch {
                throw ValidationError("--published \(folder): cannot read the folder (\(error.localizedDescription))")
            }
        }
        let report = Checker.report(for: content, asOf: asOf, published: copies)
        print(format == .json ? report.json() : report.text(), terminator: "")
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
