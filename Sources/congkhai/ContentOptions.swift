import ArgumentParser
import Foundation
import Disclosure
import Portal

/// Options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder: site.yml, holidays.yml and documents/.")
    var content: String = "Content"

    var contentURL: URL { URL(fileURLWithPath: content, isDirectory: true) }

    /// A build of this content as of the day `asOf` gives in the site's time zone.
    func request(baseURL: String? = nil, asOf: @escaping @Sendable (TimeZone) throws -> Day) -> BuildRequest {
        BuildRequest(content: contentURL, shownAs: content, baseURL: baseURL, asOf: asOf)
    }
}

/// `--as-of YYYY-MM-DD`, accepting the same date forms as the content.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "Judge or render as on this day (YYYY-MM-DD or DD/MM/YYYY). Default: today in the site's time zone.")
    var asOf: String?

    func day(timeZone: TimeZone) throws -> Day {
        if let asOf {
            guard let day = DayParsing.parse(asOf) else {
                throw ValidationError("--as-of “\(asOf)” is not a date; write it as \(DayParsing.acceptedForms)")
            }
            return day
        }
        return Day.today(in: timeZone)
    }
}

/// Exit codes of the CLI contract (DESIGN.md): 0 clean, 1 findings with errors, 2 unreadable content.
enum ExitStatus {
    static let findings = ExitCode(1)
    static let unreadable = ExitCode(2)
}
