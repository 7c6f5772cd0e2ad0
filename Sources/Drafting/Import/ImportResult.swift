import Disclosure

/// What `DocumentImporter.recognise` found in one text: the records, each as the text of a record
/// file, and every line it could not read or had to interpret, in line order.
public struct ImportResult: Sendable {
    public var records: [ImportedRecord]
    public var diagnostics: [ImportDiagnostic]
}

/// One imported document: the fields that were recognised, and the record file written from them.
public struct ImportedRecord: Sendable {
    public var fields: ImportedFields
    /// YAML front matter, without its `---` lines.
    public var frontMatter: String
    /// The Markdown body.
    public var body: String
    /// The source file, as named in diagnostics, and the lines of it this document spans.
    public var source: String
    public var lines: ClosedRange<Int>
    /// Where it belongs in a content folder: `documents/2024/127-kh-ubnd.md`.
    public var path: String

    /// The record file.
    public var text: String { "---\n" + frontMatter + "---\n\n" + body }
}

/// The fields of an imported document, as `RecordParser` will read them back.
public struct ImportedFields: Sendable {
    public init() {}

    public var number: DocumentNumber?
    public var type: DocumentType?
    public var title: String?
    public var date: Day?
    public var time: TimeOfDay?
    public var meetingDate: Day?
    public var place: String?
    public var isDraft = false
    public var minutes: MinutesKind?
    public var signer: String?
    public var signerTitle: String?
    public var signingCapacity: String?
    public var signatories: [ImportedSignatory] = []
    public var posting: ImportedPosting?
    /// A period that minutes or a report state for another document (the one posted): written as
    /// a comment, since these minutes were not themselves posted.
    public var recordedPosting: ImportedPosting?
    public var recordedPostingLine: Int?
    public var references: [String] = []
    public var recipients: [String] = []
    /// The issuing body as the header writes it ("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG SƠN"), for `site.yml`.
    public var issuerHeader: [String] = []
}

/// One signature or participant: the name, and the role when it can be paired with one.
public struct ImportedSignatory: Sendable, Equatable {
    public var name: String
    public var role: String?
}

/// A posting period stated in the document.
public struct ImportedPosting: Sendable, Equatable {
    public var start: Day
    public var end: Day?
    public var days: Int?
    /// A stated length next to a stated end: `check` compares them (Civil Code Art. 147).
    public var requiredDays: Int?
    public var basis: String?
    public var places: [String]
}

/// A line the importer could not read, or read with an interpretation the clerk should confirm.
/// Printed the way compilers print, `file:line: warning: message`.
public struct ImportDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case unreadableFile = "unreadable-file"
        case outsideDocument = "outside-document"
        case malformedNumber = "malformed-number"
        case blankNumber = "blank-number"
        case numberSpacing = "number-spacing"
        case typeConflict = "type-conflict"
        case typeFromTitle = "type-from-title"
        case missingType = "missing-type"
        case missingDate = "missing-date"
        case dateFromOpening = "date-from-opening"
        case dateFromPosting = "date-from-posting"
        case missingTitle = "missing-title"
        case titleFromTypeLine = "title-from-type-line"
        case titleRecased = "title-recased"
        case dateLineInBody = "date-line-in-body"
        case missingSignature = "missing-signature"
        case signatureWithoutName = "signature-without-name"
        case signatureUnpaired = "signature-unpaired"
        case signatureLine = "signature-line"
        case notAName = "not-a-name"
        case recipientsLabel = "recipients-label"
        case uncitedBasis = "uncited-basis"
        case postingElsewhere = "posting-elsewhere"
        case postingOnMinutes = "posting-on-minutes"
        case postingYearInferred = "posting-year-inferred"
        case postingDisagrees = "posting-disagrees"
        case postingInvalid = "posting-invalid"
        case minutesKindUnknown = "minutes-kind-unknown"
        case duplicateNumber = "duplicate-number"
        case fileExists = "file-exists"
    }

    public var severity: Severity
    public var code: Code
    public var file: String
    public var line: Int
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ code: Code, file: String, line: Int, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(file):\(line): \(severity.rawValue): \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")
    }
}
