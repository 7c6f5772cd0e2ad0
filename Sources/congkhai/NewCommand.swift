import ArgumentParser
import Foundation
import Disclosure
import Compliance
import Drafting

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new record with the front matter of its type and the next free number.",
        discussion: """
        TYPE is a type code of Decree 30/2020: KH, TB, QĐ (or QD), QC, BB, BC, NQ, CT, HD …
        The record is dated today in the site's time zone (or --date), numbered with the next free
        number of that year's series (Decree 30/2020 Art. 15: one series across types, or one per
        type with `numbering: per-type` in site.yml), and written to
        <content>/documents/YEAR/; an existing file is never overwritten. Minutes (BB) and drafts
        get no number unless --number is given.
        Posting minutes: `congkhai new BB --minutes posting-start --subject ID` dates the minutes
        on the posting's first day and fills in the period and places from the subject record;
        `--minutes posting-end` dates them on the day after the period ends. See docs/new.md.
        """
    )

    @Argument(help: "The type code: KH, TB, QĐ (QD), QC, BB, BC …")
    var type: String

    @Option(name: .long, help: "The title (trích yếu).")
    var title: String?

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: "The record's date (YYYY-MM-DD or DD/MM/YYYY). Default: today in the site's time zone.")
    var date: String?

    @Option(name: .long, help: "auto (the next free number), none, or a number. Default: auto, none for minutes and drafts.")
    var number: String?

    @Flag(name: .long, help: "A draft (dự thảo) published for comments: no number.")
    var draft = false

    @Option(name: .long, help: "For minutes (BB): meeting, posting-start, posting-end, ballot or other.")
    var minutes: String?

    @Option(name: .long, help: "For minutes and reports: the id or number of the record they are about.")
    var subject: String?

    func validate() throws {
        guard NewRecord.type(named: type) != nil else {
            let codes = DocumentType.all.map(\.code).joined(separator: ", ")
            throw ValidationError("“\(type)” is not a type code; use one of \(codes)")
        }
        if let minutes, MinutesKind(rawValue: minutes) == nil {
            throw ValidationError("--minutes “\(minutes)” must be one of \(MinutesKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if minutes != nil, NewRecord.type(named: type)?.code != "BB" {
            throw ValidationError("--minutes is for minutes: write `congkhai new BB --minutes …`")
        }
        if let number, !["auto", "none"].contains(number), Int(number).map({ $0 > 0 }) != true {
            throw ValidationError("--number “\(number)” must be auto, none or a positive number")
        }
        if let kind = minutes.flatMap(MinutesKind.init), [.postingStart, .postingEnd].contains(kind), subject == nil {
            throw ValidationError("--minutes \(kind.rawValue) needs --subject ID: the record that is posted")
        }
    }

    /// A problem found while running (not in the arguments' form): said once, exit status 1.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode.failure
    }

    func run() throws {
        let content = ContentLoader.load(from: contentOptions.contentURL)
        if content.diagnostics.contains(where: { $0.code == .unreadableFile && $0.location == nil }) {
            throw NewCommand.fail("the content folder \(contentOptions.content)/ does not exist; pass --content PATH")
        }
        let site = content.site
        let today = Day.today(in: site.timeZone)
        let type = NewRecord.type(named: self.type)!
        var request = NewRecord(type: type, title: title, date: today)
        request.isDraft = draft
        request.minutes = minutes.flatMap(MinutesKind.init) ?? (type.code == "BB" ? .meeting : nil)

        if let subject {
            guard let record = content.record(subject) ?? content.records.first(where: { $0.displayNumber == subject || $0.number.map({ "\($0)" }) == subject.replacingOccurrences(of: " ", with: "") }) else {
                throw NewCommand.fail("--subject “\(subject)” matches no record in \(contentOptions.content)/ (give its id, such as 2024-127-kh-ubnd, or its number)")
            }
            request.subject = record
            if let kind = request.minutes, [.postingStart, .postingEnd].contains(kind) {
                guard let posting = record.posting else {
                    throw NewCommand.fail("\(record.file) has no `posting:`; add its posting period first, then write its minutes")
                }
                if kind == .postingStart { request.date = posting.start }
                if kind == .postingEnd {
                    guard let end = posting.end else {
                        throw NewCommand.fail("\(record.file) is posted permanently: there is no end of posting to record")
                    }
                    // The period runs to 24:00 of its last day, moved to the next working day when that
                    // is a day off (Civil Code Art. 148(5), (6)): the minutes follow the day after.
                    let period = CivilPeriod(start: posting.start, days: end.days(since: posting.start), calendar: RuleBook(content: content).calendar)
                    request.date = period.legalEnd.adding(days: 1)
                }
            }
        }
        if let date {
            guard let day = DayParsing.parse(date) else {
                throw NewCommand.fail("--date “\(date)” is not a date; write it as \(DayParsing.acceptedForms)")
            }
            request.date = day
        }

        let series = NumberSeries(records: content.records, year: request.date.year, issuerCode: site.issuerCode,
                                  type: type, numbering: site.numbering)
        switch number ?? ((type.code == "BB" || draft) ? "none" : "auto") {
        case "none": request.number = nil
        case "auto": request.number = series.next
        case let text:
            let n = Int(text)!
            if series.isTaken(n) {
                throw NewCommand.fail("number \(n) of \(request.date.year) is already taken; the next free number is \(series.next)")
            }
            request.number = n
        }
        if content.diagnostics.contains(where: { $0.severity == .error }) {
            FileHandle.standardError.write(Data("warning: the content has errors (run `congkhai check`); records that cannot be read are not counted in the numbering.\n".utf8))
        }

        let relative = RecordTemplate.path(for: request, site: site)
        let url = contentOptions.contentURL.appendingPathComponent(relative)
        let shown = contentOptions.content + "/" + relative
        guard !FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("error: \(shown) already exists; it is not overwritten. Pass --title or --number for another record, or edit that file.\n".utf8))
            throw ExitCode.failure
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(RecordTemplate.text(for: request, site: site, today: today).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(shown): \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
        print(shown)
    }
}
