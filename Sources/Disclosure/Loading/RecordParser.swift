import Foundation
import Yams

/// Turns one record file's text into a `Record`, collecting every problem in the file.
/// Cross-record work (ids, duplicates, references) happens in `ContentLoader`.
public struct RecordParser {
    static let schema = KeySchema([
        "id": [],
        "number": ["so_hieu", "so", "so_ky_hieu"],
        "title": ["trich_yeu", "tieu_de"],
        "date": ["ngay_ban_hanh", "ngay"],
        "time": ["gio", "thoi_gian"],
        "meeting_date": ["ngay_hop"],
        "type": ["loai", "loai_van_ban"],
        "place": ["dia_danh"],
        "issuer": ["co_quan", "co_quan_ban_hanh"],
        "signer": ["nguoi_ky"],
        "signer_title": ["chuc_vu"],
        "signing_capacity": ["tham_quyen_ky"],
        "signatories": ["nguoi_ky_ten"],
        "category": ["danh_muc", "muc_cong_khai"],
        "draft": ["du_thao"],
        "publish": ["cong_bo"],
        "posting": ["niem_yet"],
        "comments": ["y_kien", "gop_y"],
        "minutes": ["bien_ban"],
        "subject": ["ve_viec"],
        "references": ["can_cu", "tham_chieu"],
        "attachments": ["dinh_kem", "tep_dinh_kem"],
        "recipients": ["noi_nhan"],
        "notes": ["ghi_chu"],
        "private": ["rieng_tu"],
    ])

    static let postingSchema = KeySchema([
        "start": ["tu_ngay", "bat_dau"],
        "end": ["den_ngay", "den_het_ngay", "ket_thuc"],
        "days": ["so_ngay"],
        "places": ["dia_diem", "noi_niem_yet"],
        "feedback_until": ["han_gop_y"],
        "required_days": ["so_ngay_toi_thieu"],
        "basis": ["can_cu"],
        "permanent": ["thuong_xuyen"],
    ])

    static let commentSchema = KeySchema([
        "date": ["ngay"], "summary": ["noi_dung", "tom_tat"], "response": ["tra_loi", "giai_trinh"],
        "private": ["rieng_tu"],
    ])

    static let signatorySchema = KeySchema(["name": ["ho_ten"], "role": ["chuc_danh", "vai_tro"]])

    /// A record as parsed from one file, with its explicit id if any.
    public struct Parsed: Sendable {
        public var record: Record
        public var explicitID: Bool
        public var numberLine: Int
        /// The record's id and number key before clashes with other records are known.
        var claim: RecordIdentity.Claim
    }

    static func parse(text: String, file: String, site: SiteConfig) -> (Parsed?, [Diagnostic]) {
        let (parsed, diagnostics) = parseFields(text: text, file: file, site: site)
        // A file never vanishes in silence: no record means at least one error says why.
        if parsed == nil && !diagnostics.hasErrors {
            return (nil, diagnostics + [Diagnostic(.error, .missingField, "this file gives no record: its `title`, `date` or type is missing or empty",
                                                   hint: "a record needs `title:`, `date:` and `number:` or `type:`",
                                                   at: SourceLocation(file: file, line: 1))])
        }
        return (parsed, diagnostics)
    }

    private static func parseFields(text: String, file: String, site: SiteConfig) -> (Parsed?, [Diagnostic]) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let fm): frontMatter = fm
        case .failure(.missing):
            return (nil, [Diagnostic(.error, .missingFrontMatter, "the file does not start with front matter",
                                     hint: "put the record's fields between two lines of `---` at the top", at: SourceLocation(file: file, line: 1))])
        case .failure(.unclosed):
            return (nil, [Diagnostic(.error, .unclosedFrontMatter, "the front matter opened on line 1 never closes",
                                     hint: "end it with a line of `---` before the text", at: SourceLocation(file: file, line: 1))])
        }
        if frontMatter.yaml.utf8.count > ContentLimits.maxFrontMatterBytes {
            return (nil, [Diagnostic(.error, .tooLarge,
                                     "the front matter is \(SourceText.megabytes(frontMatter.yaml.utf8.count)); the limit is \(SourceText.megabytes(ContentLimits.maxFrontMatterBytes))",
                                     hint: "keep the fields short and put long text in the body, below the closing `---`",
                                     at: SourceLocation(file: file, line: 1))])
        }
        var fields = YAMLFields(file: file, firstLine: frontMatter.yamlLine)
        let root: YAMLNode
        let composed = YAMLSafety.compose(frontMatter.yaml, file: file, firstLine: frontMatter.yamlLine)
        if !composed.diagnostics.isEmpty { return (nil, composed.diagnostics) }
        guard let node = composed.node else {
            return (nil, [Diagnostic(.error, .missingField, "the front matter is empty",
                                     hint: "a record needs at least `title:` and `date:`", at: SourceLocation(file: file, line: 1))])
        }
        root = node
        let f = fields.fields(of: root, schema: schema, context: "the front matter")
        if case .mapping = root {} else { return (nil, fields.diagnostics) }
        let top = SourceLocation(file: file, line: 1)

        // Number and type: the type code comes from the number, else from `type`.
        var number: DocumentNumber?
        if let raw = fields.string(f["number"]?.value, "number") {
            switch DocumentNumber.parse(raw) {
            case .success(let parsed):
                number = parsed.value
                if parsed.hadStraySpaces {
                    fields.report(.warning, .numberSpacing, "the number “\(Diagnostic.excerpt(raw))” has stray spaces; it is read as \(parsed.value)",
                                  hint: "write `\(parsed.value)`", at: f["number"]?.value)
                }
                if case .unknownTypeCode(let code, let suggestion) = parsed.unknownTypeCode {
                    fields.report(.warning, .unknownTypeCode, "“\(Diagnostic.excerpt(code))” is not a type code of Decree 30/2020 Appendix III",
                                  hint: suggestion.map { "did you mean `\($0)`?" }, at: f["number"]?.value)
                }
            case .failure(let failure):
                fields.report(.error, .invalidNumber, "“\(Diagnostic.excerpt(raw))” is not a document number: \(failure.message)",
                              hint: "write it as 127/KH-UBND, or 05/2024/QĐ-UBND for a legal document", at: f["number"]?.value)
            }
        }
        var type: DocumentType?
        if let code = fields.string(f["type"]?.value, "type") {
            if let known = DocumentType.named(code) {
                type = known
            } else {
                // Without a number the type has no other source: the record cannot be read.
                fields.report(f["number"] == nil ? .error : .warning, .unknownTypeCode,
                              "“\(Diagnostic.excerpt(code))” is not a type code of Decree 30/2020 Appendix III",
                              hint: DocumentType.closest(to: code).map { "did you mean `\($0.code)`?" }, at: f["type"]?.value)
            }
        }
        if let number {
            let fromNumber = number.typeCode.flatMap(DocumentType.named) ?? (number.typeCode == nil ? .officialLetter : nil)
            if let fromNumber, let declared = type, declared != fromNumber {
                fields.report(.error, .typeMismatch, "`type: \(declared.code)` disagrees with the number \(number), whose type code is \(fromNumber.code)",
                              hint: "remove `type:` or correct it", at: f["type"]?.value)
            }
            type = type ?? fromNumber
        }

        var reported = fields.diagnostics.count
        let title = fields.string(f["title"]?.value, "title")
        if f["title"] == nil {
            fields.diagnostics.append(Diagnostic(.error, .missingField, "the record has no `title`",
                                                 hint: "add `title:` with the trích yếu", at: top))
        } else if title == nil && fields.diagnostics.count == reported {
            fields.report(.error, .missingField, "`title` is empty", hint: "write the trích yếu after `title:`", at: f["title"]?.key)
        }
        reported = fields.diagnostics.count
        let date = fields.day(f["date"]?.value, "date")
        if f["date"] == nil {
            fields.diagnostics.append(Diagnostic(.error, .missingField, "the record has no `date`",
                                                 hint: "add `date:` with the ngày ban hành, e.g. 2024-01-30", at: top))
        } else if date == nil && fields.diagnostics.count == reported {
            fields.report(.error, .missingField, "`date` is empty", hint: "write the ngày ban hành after `date:`, e.g. 2024-01-30", at: f["date"]?.key)
        }
        if type == nil && f["number"] == nil && f["type"] == nil {
            fields.diagnostics.append(Diagnostic(.error, .missingField, "the record has neither `number` nor `type`",
                                                 hint: "add `type:` with a code such as KH, BB, BC, QC, QĐ", at: top))
        }

        var time: TimeOfDay?
        if let raw = fields.string(f["time"]?.value, "time") {
            time = DayParsing.parseTime(raw)
            if time == nil {
                fields.report(.error, .invalidTime, "`time`: “\(Diagnostic.excerpt(raw))” is not a time of day", hint: "write it as 16:30", at: f["time"]?.value)
            }
        }

        var category: DisclosureCategory?
        if let raw = fields.string(f["category"]?.value, "category") {
            switch DisclosureCategory.parse(raw) {
            case .success(let c): category = c
            case .failure(.outOfRange(let regime, let item)):
                fields.report(.error, .invalidCategory, "category “\(Diagnostic.excerpt(raw))”: item \(item) does not exist in \(regime.article)",
                              hint: "items run from \(regime.itemRange.lowerBound) to \(regime.itemRange.upperBound)", at: f["category"]?.value)
            case .failure(.malformed):
                fields.report(.error, .invalidCategory, "category “\(Diagnostic.excerpt(raw))” is not of the form law-11.N or agency-6.N",
                              hint: "law-11.N = Law 10/2022 Art. 11 item N (1–14); agency-6.N = the regulation's Art. 6 item N (1–12)", at: f["category"]?.value)
            }
        }

        var minutes: MinutesKind?
        if let raw = fields.string(f["minutes"]?.value, "minutes") {
            minutes = MinutesKind(rawValue: raw)
            if minutes == nil {
                fields.report(.error, .wrongType, "`minutes: \(Diagnostic.excerpt(raw))` is not a kind of minutes",
                              hint: "use one of: " + MinutesKind.allCases.map(\.rawValue).joined(separator: ", "), at: f["minutes"]?.value)
            }
        }

        let posting = f["posting"].flatMap { parsePosting($0.value, fields: &fields) }
        let comments = fields.sequence(f["comments"]?.value, "comments").compactMap { parseComment($0, fields: &fields) }
        let signatories = fields.sequence(f["signatories"]?.value, "signatories").compactMap { node -> Signatory? in
            if let name = node.scalar?.string { return Signatory(name: name, role: nil) }
            let s = fields.fields(of: node, schema: signatorySchema, context: "a signatory")
            guard let name = fields.string(s["name"]?.value, "name") else { return nil }
            return Signatory(name: name, role: fields.string(s["role"]?.value, "role"))
        }
        let references = fields.sequence(f["references"]?.value, "references").compactMap { node -> Reference? in
            fields.string(node, "references").map { Reference(text: $0, target: nil, line: fields.location(node).line) }
        }
        var attachments: [String] = []
        for node in fields.sequence(f["attachments"]?.value, "attachments") {
            guard let path = fields.string(node, "attachments") else { continue }
            if let problem = AttachmentPath.problem(path) {
                fields.report(.error, .invalidAttachment, "attachment “\(Diagnostic.excerpt(path))” \(problem)",
                              hint: "attachments are paths inside Content/, such as files/127-KH-UBND.pdf", at: node)
            } else {
                attachments.append(path)
            }
        }

        // The id becomes a folder of the portal: a slug, never a path. An unusable id is reported
        // and not used (the record falls back to the id from its number or file name).
        var explicitID = fields.string(f["id"]?.value, "id")
        if let id = explicitID, TextFolding.slug(id) != id || id.count > ContentLimits.maxIDLength {
            let slug = String(TextFolding.slug(id).prefix(ContentLimits.maxIDLength))
            fields.report(.error, .wrongType, "`id: \(Diagnostic.excerpt(id))` must be a slug of at most \(ContentLimits.maxIDLength) lower-case letters, digits and hyphens",
                          hint: slug.isEmpty ? "remove `id:`; the id then comes from the number or the file name" : "write `id: \(slug)`",
                          at: f["id"]?.value)
            explicitID = nil
        }

        guard let title, let date, let type else { return (nil, fields.diagnostics) }
        // Bodies keep their text; leading blank lines after the front matter are not content.
        let leadingNewlines = frontMatter.body.utf8.prefix { $0 == UInt8(ascii: "\n") }.count
        let body = String(frontMatter.body.utf8.dropFirst(leadingNewlines))!
        let bodyLine = frontMatter.bodyLine + leadingNewlines
        // One walk of the body gives its warnings and, for a regulation, the outline's headings.
        let scan = BodyScan.scan(body, firstLine: bodyLine, file: file, headings: type.isRegulation)
        fields.diagnostics += scan.diagnostics
        let record = Record(
            id: explicitID ?? "",
            file: file,
            number: number,
            type: type,
            title: title,
            date: date,
            time: time,
            meetingDate: fields.day(f["meeting_date"]?.value, "meeting_date"),
            place: fields.string(f["place"]?.value, "place") ?? (site.place.isEmpty ? nil : site.place),
            issuer: fields.string(f["issuer"]?.value, "issuer") ?? site.issuer,
            signer: fields.string(f["signer"]?.value, "signer"),
            signerTitle: fields.string(f["signer_title"]?.value, "signer_title"),
            signingCapacity: fields.string(f["signing_capacity"]?.value, "signing_capacity"),
            signatories: signatories,
            category: category,
            isDraft: fields.bool(f["draft"]?.value, "draft") ?? false,
            isPublished: fields.bool(f["publish"]?.value, "publish") ?? true,
            posting: posting,
            comments: comments,
            minutes: minutes,
            subjectReference: fields.string(f["subject"]?.value, "subject"),
            subject: nil,
            references: references,
            attachments: attachments,
            recipients: fields.strings(f["recipients"]?.value, "recipients"),
            notes: fields.strings(f["notes"]?.value, "notes"),
            privateFields: fields.opaqueMapping(f["private"]?.value, "private"),
            body: body,
            bodyLine: bodyLine,
            outline: scan.headings.map { RegulationOutline(headings: $0) }
        )
        let numberLine = fields.location(f["number"]?.value).line
        let claim = RecordIdentity.claim(of: record, explicitID: explicitID != nil)
        return (Parsed(record: record, explicitID: explicitID != nil, numberLine: numberLine, claim: claim), fields.diagnostics)
    }

    private static func parsePosting(_ node: YAMLNode, fields: inout YAMLFields) -> Posting? {
        let p = fields.fields(of: node, schema: postingSchema, context: "`posting`")
        guard case .mapping = node else { return nil }
        let permanent = fields.bool(p["permanent"]?.value, "permanent") ?? false
        guard let start = fields.day(p["start"]?.value, "posting.start") else {
            if p["start"] == nil {
                fields.report(.error, .invalidPosting, "`posting` has no `start`", hint: "add `start:` with the day the notice was posted", at: node)
            }
            return nil
        }
        let days = fields.int(p["days"]?.value, "posting.days", range: 1...3650)
        var end = fields.day(p["end"]?.value, "posting.end")
        if let e = end, e < start {
            fields.report(.error, .invalidPosting, "the posting ends (\(e.vietnamese)) before it starts (\(start.vietnamese))", at: p["end"]?.value)
            return nil
        }
        if let days, let e = end, e.days(since: start) != days {
            // Civil Code Art. 147: the first day is not counted, so N days from S end on S + N.
            fields.report(.error, .postingConflict,
                          "`days: \(days)` and `end: \(e.vietnamese)` disagree: \(days) days from \(start.vietnamese) end on \(start.adding(days: days).vietnamese) (Bộ luật Dân sự 2015, Điều 147: the first day is not counted), and \(start.vietnamese) → \(e.vietnamese) is \(e.days(since: start)) days",
                          hint: "keep one of them, or make them agree", at: p["end"]?.value)
        }
        if end == nil, let days { end = start.adding(days: days) }
        if end == nil && !permanent {
            fields.report(.error, .invalidPosting, "`posting` needs `end` or `days` (or `permanent: true`)",
                          hint: "add `days: 20` or `end:` with the last day posted", at: node)
            return nil
        }
        return Posting(
            start: start, end: end, days: days ?? end.map { $0.days(since: start) },
            places: fields.strings(p["places"]?.value, "posting.places"),
            feedbackUntil: fields.day(p["feedback_until"]?.value, "posting.feedback_until"),
            requiredDays: fields.int(p["required_days"]?.value, "posting.required_days", range: 1...3650),
            basis: fields.string(p["basis"]?.value, "posting.basis"),
            isPermanent: permanent)
    }

    private static func parseComment(_ node: YAMLNode, fields: inout YAMLFields) -> Comment? {
        let c = fields.fields(of: node, schema: commentSchema, context: "a comment")
        guard case .mapping = node else { return nil }
        guard let summary = fields.string(c["summary"]?.value, "summary") else {
            fields.report(.error, .missingField, "a comment has no `summary`", at: node)
            return nil
        }
        return Comment(date: fields.day(c["date"]?.value, "comments.date"), summary: summary,
                       response: fields.string(c["response"]?.value, "response"),
                       privateFields: fields.opaqueMapping(c["private"]?.value, "private"))
    }
}

/// A YAML syntax error as a diagnostic at its file line.
func yamlDiagnostic(_ error: Error, file: String, firstLine: Int) -> Diagnostic {
    var line = firstLine, column = 1
    var problem = "\(error)"
    if let yamlError = error as? YamlError {
        switch yamlError {
        case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _),
             .composer(let context, let p, let mark, _):
            line = mark.line + firstLine - 1
            column = mark.column
            problem = [context?.text, p].compactMap { $0 }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, let context):
            line = context.mark.line + firstLine - 1
            problem = "the key \(duplicates.joined(separator: ", ")) appears twice"
        default:
            break
        }
    }
    return Diagnostic(.error, .malformedYAML, "the front matter is not valid YAML: \(problem)",
                      hint: "check indentation and quote values that contain “: ” or start with a special character",
                      at: SourceLocation(file: file, line: line, column: column))
}

/// Attachment paths stay inside Content/: no absolute paths, no `..`, no URLs.
enum AttachmentPath {
    static func problem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "is an absolute path" }
        if path.contains("://") || path.lowercased().hasPrefix("javascript:") || path.lowercased().hasPrefix("data:") {
            return "is a URL, not a file in Content/"
        }
        if path.split(separator: "/").contains(where: { $0 == ".." }) || path.contains("\\") { return "leaves the content folder" }
        return nil
    }
}
