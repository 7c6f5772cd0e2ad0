import Foundation
import Disclosure

extension DocumentInProgress {
    /// The record, when the document has what every record needs (type, date, title), and every
    /// problem and interpretation, each with its line.
    func finish() -> (ImportedRecord?, [ImportDiagnostic]) {
        var problems = diagnostics
        func report(_ severity: Severity, _ code: ImportDiagnostic.Code, _ line: Int, _ message: String, hint: String? = nil) {
            problems.append(ImportDiagnostic(severity, code, file: file, line: line, message, hint: hint))
        }
        let span = "the document on lines \(firstLine)–\(lastLine)"
        var fields = ImportedFields()
        fields.issuerHeader = issuerHeader

        // Number and type.
        if let n = number {
            if let parsed = n.value.number {
                fields.number = parsed
                if n.value.hadStraySpaces {
                    report(.info, .numberSpacing, n.line, "the number is written “\(n.value.written)”; imported as \(parsed)")
                }
            } else if let problem = n.value.problem {
                report(.warning, .malformedNumber, n.line, "“\(n.value.written)” is not a document number (\(problem)); imported without a number",
                       hint: "add `number:` by hand, written like 127/KH-UBND")
            } else {
                report(.info, .blankNumber, n.line, "the number is left blank (“Số: \(n.value.written)”): imported without a number")
            }
        }
        let typeFromNumber = number.flatMap { n -> DocumentType? in
            guard let parsed = n.value.number else { return n.value.typeCode.flatMap(DocumentType.named) }
            return parsed.typeCode.map { DocumentType.named($0) } ?? .officialLetter
        }
        let typeFromLine = typeLine?.value.type
        if let a = typeFromNumber, let b = typeFromLine, a != b, let t = typeLine {
            report(.warning, .typeConflict, t.line, "the type line says \(b.nameVI.uppercased()) but the number’s symbol says \(a.code) (\(a.nameVI)); imported as \(a.code)")
        }
        var type = typeFromNumber ?? typeFromLine

        // Title: the subject line, else what follows the type name on the type line.
        var title: String?
        var titleLine = typeLine?.line ?? firstLine
        if let first = titleLines.first {
            titleLine = first.number
            let text = titleLines.map(\.plain).joined(separator: " ")
            if Casing.isUppercase(text) {
                title = Casing.sentence(text)
                report(.info, .titleRecased, first.number, "the title is in capitals; imported as “\(DocumentReader.excerpt(title!))”",
                       hint: "restore the capitals of proper names (Đông Sơn) by hand")
            } else {
                title = text
            }
        } else if let t = typeLine, !t.value.rest.isEmpty {
            title = Casing.sentence(t.value.rest)
            report(.info, .titleFromTypeLine, t.line, "no subject line under the type line; the title is its rest, “\(title!)”")
        }
        if type == nil, let title, let guess = DocumentType.all.first(where: { title.lowercased().hasPrefix($0.nameVI.lowercased() + " ") }) {
            type = guess
            report(.warning, .typeFromTitle, titleLine, "no type line and no number: the type \(guess.code) is read from the title’s first words",
                   hint: "check `type:`")
        }
        guard let type else {
            report(.error, .missingType, firstLine, "\(span) has no type line (KẾ HOẠCH, BIÊN BẢN …) and no number; it is not imported",
                   hint: "add its type line above the title and import it again")
            return (nil, problems)
        }
        guard let title, !title.isEmpty else {
            report(.error, .missingTitle, firstLine, "\(span) has no title (trích yếu) under its type line; it is not imported",
                   hint: "add the subject line under the type line and import it again")
            return (nil, problems)
        }
        fields.type = type
        fields.title = title
        fields.isDraft = draftMark || typeLine?.value.isDraft == true

        // Date: the date line, else (minutes) the opening sentence or the meeting's time.
        if let d = dateLine {
            fields.date = d.value.day
            fields.place = d.value.place
        } else if let o = opening, let day = o.value.date.resolved {
            fields.date = day
            report(.warning, .dateFromOpening, o.line, "no date line: dated \(day.vietnamese) from “\(o.value.date.text)” in the opening sentence")
        } else if let m = meeting, let day = m.value.date?.resolved {
            fields.date = day
            report(.warning, .dateFromOpening, m.line, "no date line: dated \(day.vietnamese), the day of the meeting")
        } else if type.code != "BB", type.code != "BC", let p = postings.first, let day = p.value.start.resolved {
            // A notice copied without its header: it is posted the day it is issued, as a rule.
            fields.date = day
            report(.warning, .dateFromPosting, p.line, "no date line: dated \(day.vietnamese), the first day of the posting stated here",
                   hint: "check `date:` against the signed document")
        } else {
            report(.error, .missingDate, firstLine, "\(span) has no date line (“Đông Sơn, ngày … tháng … năm …”); it is not imported",
                   hint: "add its date line above the type line and import it again")
            return (nil, problems)
        }
        let date = fields.date!

        // Minutes: their kind, the meeting's day, the time they state.
        if type.code == "BB" {
            let words = [typeLine?.value.rest ?? "", title].joined(separator: " ")
            var kind = MinutesKindWords.kind(in: words) ?? (meeting != nil ? .meeting : nil)
            if kind == nil, let sentence = openingSentence { kind = MinutesKindWords.kind(in: sentence) }
            if kind == nil {
                report(.warning, .minutesKindUnknown, titleLine, "what these minutes record is not stated (meeting, posting, ballot …); imported as `minutes: other`",
                       hint: "set `minutes:` to meeting, posting-start, posting-end or ballot")
            }
            fields.minutes = kind ?? .other
            if let held = meeting?.value.date?.resolved, held != date { fields.meetingDate = held }
            fields.time = meeting?.value.time ?? opening?.value.time ?? completionTime
        }

        // Posting: a notice's own; minutes and reports record someone else's.
        if let first = postings.first, let posting = resolvedPosting(first, date: date, type: type, report: report) {
            for other in postings.dropFirst() {
                if let again = resolvedPosting(other, date: date, type: type, report: { _, _, _, _, _ in }),
                   again.start != posting.start || (again.end != nil && posting.end != nil && again.end != posting.end) {
                    report(.warning, .postingDisagrees, other.line, "this posting period differs from the one on line \(first.line); the first is imported")
                }
            }
            if type.code == "BB" || type.code == "BC" {
                fields.recordedPosting = posting
                fields.recordedPostingLine = first.line
                report(.warning, type.code == "BB" ? .postingOnMinutes : .postingElsewhere, first.line,
                       "the posting period stated here is that of the document the \(type.code == "BB" ? "minutes" : "report") speak\(type.code == "BB" ? "" : "s") of; it is written as a comment, not as this record’s posting",
                       hint: "copy the commented `posting:` block into the posted document’s record")
            } else {
                fields.posting = posting
            }
        }

        // Closing.
        fields.references = references
        fields.recipients = recipients
        if let label = recipientsLabel, label.value.lowercased() != "nơi nhận" {
            report(.info, .recipientsLabel, label.line, "“\(label.value)” is read as “Nơi nhận”")
        }
        readSignatures(into: &fields, report: report)

        var record = ImportedRecord(fields: fields, frontMatter: "", body: body.markdown, source: file, lines: firstLine...lastLine,
                                    path: Self.path(for: fields, date: date))
        let own = problems.filter { $0.line >= firstLine && $0.line <= lastLine }
        record.frontMatter = RecordFile.frontMatter(fields, source: file, lines: firstLine...lastLine, diagnostics: own)
        return (record, problems)
    }

    private func readSignatures(into fields: inout ImportedFields,
                                report: (Severity, ImportDiagnostic.Code, Int, String, String?) -> Void) {
        guard let principal = signatures.principal else {
            report(.warning, .missingSignature, lastLine, "no signature block (a title such as CHỦ TỊCH and a name) was found", "add `signer:` by hand")
            return
        }
        fields.signer = principal.name
        fields.signerTitle = principal.roles.isEmpty ? nil : principal.roles.joined(separator: ", ")
        fields.signingCapacity = principal.capacity
        let line = signatures.lastLine ?? lastLine
        if principal.name == nil {
            report(.warning, .signatureWithoutName, line, "the signature block (\(principal.role ?? "")) has no name under it; `signer` is left out",
                   "add `signer:` by hand")
        }
        if signatures.namesApartFromTitles {
            report(.warning, .signatureUnpaired, signatures.firstLine ?? line,
                   "the titles and the names of the signatures are in separate runs and cannot be paired; the signer is the last name (\(principal.name ?? "?")) with the last title, and the others are listed without their roles",
                   "check `signer_title` and add the roles of `signatories` by hand")
        }
        guard signatures.signatures.count > 1 || !participants.isEmpty else { return }
        fields.signatories = signatures.signatures.compactMap { signature in
            signature.name.map { ImportedSignatory(name: $0, role: signatures.namesApartFromTitles ? nil : signature.role) }
        } + participants.map { ImportedSignatory(name: $0, role: "Thành phần tham gia") }
    }

    /// Resolves a stated period into days: a start without its year takes the end's (or the
    /// document's); a stated length beside a stated end becomes the required length, quoted.
    private func resolvedPosting(_ found: Found<PostingStatement>, date: Day, type: DocumentType,
                                 report: (Severity, ImportDiagnostic.Code, Int, String, String?) -> Void) -> ImportedPosting? {
        let statement = found.value
        let end = statement.end.flatMap { $0.resolved ?? $0.inYear(statement.start.year ?? date.year) }
        guard let start = statement.start.resolved ?? statement.start.inYear(end?.year ?? date.year) else {
            report(.warning, .postingInvalid, found.line, "“\(statement.start.text)” is not a date; the posting is not imported", nil)
            return nil
        }
        if statement.start.year == nil {
            report(.info, .postingYearInferred, found.line, "“\(statement.start.text)” has no year; read as \(start.vietnamese)", nil)
        }
        if let end, end < start {
            report(.warning, .postingInvalid, found.line, "the posting ends (\(end.vietnamese)) before it starts (\(start.vietnamese)); it is not imported", nil)
            return nil
        }
        guard end != nil || statement.days != nil else {
            report(.warning, .postingInvalid, found.line, "the posting from \(start.vietnamese) states neither its length nor its end; it is not imported", nil)
            return nil
        }
        var posting = ImportedPosting(start: start, end: end, days: end == nil ? statement.days : nil, requiredDays: nil, basis: nil,
                                      places: Self.unique(statement.places + places))
        if let end, let days = statement.days {
            posting.requiredDays = days
            let label = [type.nameVI, numberLabel].compactMap { $0 }.joined(separator: " ")
            posting.basis = "\(label) ngày \(date.vietnamese): “\(statement.sentence)”"
            if end.days(since: start) != days {
                report(.warning, .postingDisagrees, found.line,
                       "the stated length and end disagree: \(days) days from \(start.vietnamese) end on \(start.adding(days: days).vietnamese) (Bộ luật Dân sự 2015, Điều 147: the first day is not counted), but the stated end is \(end.vietnamese); both are kept for `check`",
                       nil)
            }
        }
        return posting
    }

    private var numberLabel: String? { number?.value.number.map { "số \($0)" } }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// `documents/2024/127-kh-ubnd.md`, or for a record without a number, its type and title:
    /// `documents/2024/bien-ban-niem-yet-cong-khai.md`.
    static func path(for fields: ImportedFields, date: Day) -> String {
        var name: String
        if let number = fields.number {
            name = TextFolding.slug(number.description)
        } else {
            let prefix = fields.isDraft ? "du-thao-" : ""
            name = prefix + TextFolding.slug((fields.type?.nameVI ?? "") + " " + (fields.title ?? ""))
            if name.count > 60 {
                let cut = name.prefix(60)
                name = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
            }
        }
        return "documents/\(date.year)/\(name.isEmpty ? "van-ban" : name).md"
    }
}
