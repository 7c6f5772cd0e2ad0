import ArgumentParser
import Foundation
import Disclosure
import Compliance
import Drafting

struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Draft the posting minutes of a record as a printable page.",
        discussion: """
        Writes the draft Biên bản niêm yết (--kind posting-start) or Biên bản kết thúc niêm yết
        (--kind posting-end) for a posted record, in the layout of the commune's minutes: the
        document, its period (Civil Code Art. 147–148), where it was posted, the comments
        received (the record's `comments`, never their private parts) and the evidence of the
        publication ledger (<content>/ledger.jsonl): every publication that carried the notice,
        and whether it stayed up to its legal end. Print it from a browser, fill in the hour,
        sign it. RECORD is the record's id or number (du-thao-quy-che-dan-chu, 127/KH-UBND).
        Exit status: 0 = written, 1 = no such record or no posting, 2 = the content could not be read.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case postingStart = "posting-start"
        case postingEnd = "posting-end"
    }

    @Argument(help: "The record's id or number.")
    var record: String
    @Option(name: .long, help: "posting-start (Biên bản niêm yết) or posting-end (Biên bản kết thúc niêm yết).")
    var kind: Kind
    @Option(name: .long, help: "The file to write. Default: bien-ban-…-<id>.html in the current folder.")
    var output: String?
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let content = ContentLoader.load(from: contentOptions.contentURL)
        let book = RuleBook(content: content)
        let diagnostics = content.diagnostics + book.diagnostics
        guard !diagnostics.hasErrors else {
            let report = CheckReport(asOf: Day.today(in: .current), records: content.records, diagnostics: diagnostics, findings: [])
            FileHandle.standardError.write(Data((report.text() + "No minutes were written.\n").utf8))
            throw ExitStatus.unreadable
        }
        guard let found = PostingMinutes.record(record, in: content) else {
            throw failure(PostingMinutes.Failure.noRecord(record))
        }
        let minutes: PostingMinutes
        do {
            minutes = try PostingMinutes(kind: kind == .postingStart ? .postingStart : .postingEnd, record: found,
                                         content: content, book: book, ledger: Ledger(content: content))
        } catch {
            throw failure(error)
        }
        let path = output ?? minutes.fileName
        do {
            try Data(MinutesHTML.render(minutes).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw failure("cannot write \(path): \(error.localizedDescription)")
        }
        print(path)
        FileHandle.standardError.write(Data("\(minutes.ledgerVerdict)\nOpen it in a browser and print it (A4); fill in the hour, then sign.\n".utf8))
    }

    private func failure(_ error: Any) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitCode.failure
    }
}
