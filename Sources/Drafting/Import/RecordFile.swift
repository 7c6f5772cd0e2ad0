import Disclosure

/// The front matter of an imported record, in the order of the hand-made records, with the import's
/// findings on top as YAML comments so the clerk sees them where the fields are.
enum RecordFile {
    static func frontMatter(_ fields: ImportedFields, source: String, lines: ClosedRange<Int>, diagnostics: [ImportDiagnostic]) -> String {
        var out = "# Imported by `congkhai import` from \(source), lines \(lines.lowerBound)–\(lines.upperBound).\n"
        out += "# Check every field against the source before publishing.\n"
        for d in diagnostics {
            out += "# \(d.severity.rawValue) (line \(d.line)): \(Diagnostic.excerpt(d.message, limit: Int.max))\n"  // controls and line breaks escaped: YAML refuses them even in comments
        }
        if let number = fields.number { out += YAMLText.line("number", YAMLText.quoted(number.description)) }
        if let title = fields.title { out += YAMLText.line("title", YAMLText.quoted(title)) }
        if let date = fields.date { out += YAMLText.line("date", date.iso) }
        if let type = fields.type { out += YAMLText.line("type", type.code) }
        if fields.isDraft { out += YAMLText.line("draft", "true") }
        if let minutes = fields.minutes { out += YAMLText.line("minutes", minutes.rawValue) }
        if let held = fields.meetingDate { out += YAMLText.line("meeting_date", held.iso) }
        if let time = fields.time { out += YAMLText.line("time", YAMLText.quoted(time.description)) }
        if let place = fields.place { out += YAMLText.line("place", YAMLText.quoted(place)) }
        if let signer = fields.signer { out += YAMLText.line("signer", YAMLText.quoted(signer)) }
        if let title = fields.signerTitle { out += YAMLText.line("signer_title", YAMLText.quoted(title)) }
        if let capacity = fields.signingCapacity { out += YAMLText.line("signing_capacity", YAMLText.quoted(capacity)) }
        if !fields.signatories.isEmpty {
            out += "signatories:\n"
            for s in fields.signatories {
                out += "  - {name: \(YAMLText.quoted(s.name))" + (s.role.map { ", role: \(YAMLText.quoted($0))" } ?? "") + "}\n"
            }
        }
        if let posting = fields.posting { out += postingBlock(posting) }
        if let posting = fields.recordedPosting {
            out += "# The posting period stated on line \(fields.recordedPostingLine ?? lines.lowerBound) is that of the document posted,\n"
            out += "# not of this record: copy it into that document's record.\n"
            out += postingBlock(posting).split(separator: "\n").map { "# " + $0 + "\n" }.joined()
        }
        if !fields.references.isEmpty { out += YAMLText.list("references", fields.references) }
        if !fields.recipients.isEmpty { out += YAMLText.list("recipients", fields.recipients) }
        return out
    }

    private static func postingBlock(_ posting: ImportedPosting) -> String {
        var out = "posting:\n"
        out += YAMLText.line("start", posting.start.iso, indent: 2)
        if let end = posting.end { out += YAMLText.line("end", end.iso, indent: 2, comment: "đến hết ngày, as stated") }
        if let days = posting.days { out += YAMLText.line("days", String(days), indent: 2) }
        if let required = posting.requiredDays { out += YAMLText.line("required_days", String(required), indent: 2, comment: "the stated length") }
        if let basis = posting.basis { out += YAMLText.line("basis", YAMLText.quoted(basis), indent: 2) }
        if !posting.places.isEmpty { out += YAMLText.list("places", posting.places, indent: 2) }
        return out
    }
}
