import Foundation

/// A stable identifier of a record: the slug of its year and number (`2024-127-kh-ubnd`),
/// or of its file name when it has no number. It is the record's URL path on the portal.
public typealias RecordID = String

/// One record of Content/documents/: a plan, minutes, a report, a regulation, a decision.
public struct Record: Sendable, Identifiable {
    public var id: RecordID
    /// Path relative to the content folder, for diagnostics.
    public var file: String
    public var number: DocumentNumber?
    public var type: DocumentType
    public var title: String
    public var date: Day
    /// Time of day stated on minutes ("16 giờ 30 phút").
    public var time: TimeOfDay?
    /// For meeting minutes: the day the meeting was held, when it differs from `date`.
    public var meetingDate: Day?
    public var place: String?
    public var issuer: String
    public var signer: String?
    public var signerTitle: String?
    /// "TM. Ủy ban nhân dân", "KT. Chủ tịch" …
    public var signingCapacity: String?
    public var signatories: [Signatory]
    public var category: DisclosureCategory?
    public var isDraft: Bool
    public var isPublished: Bool
    public var posting: Posting?
    public var comments: [Comment]
    public var minutes: MinutesKind?
    /// The id or number of the record these minutes or this report are about, as written.
    public var subjectReference: String?
    /// Resolved by the loader once all records are known.
    public var subject: RecordID?
    public var references: [Reference]
    public var attachments: [String]
    public var recipients: [String]
    /// Editorial notes: where the source contradicts itself, what was kept and why.
    public var notes: [String]
    /// Never published: staff tools only (Content format v1, `private:`).
    public var privateFields: [String: String]
    public var body: String
    /// Line of the first body line in the file, to map body positions to file lines.
    public var bodyLine: Int
    /// Parts, chapters and articles, for regulations.
    public var outline: RegulationOutline?

    /// The number as printed, or nil.
    public var displayNumber: String? { number?.description }
    /// "Kế hoạch số 127/KH-UBND" or "Biên bản".
    public var displayName: String {
        if let n = displayNumber { return "\(type.nameVI) số \(n)" }
        if let minutes { return minutes.vietnamese }
        return isDraft ? "Dự thảo \(type.nameVI.lowercased())" : type.nameVI
    }

    public init(id: RecordID, file: String, number: DocumentNumber? = nil, type: DocumentType, title: String, date: Day, time: TimeOfDay? = nil, meetingDate: Day? = nil, place: String? = nil, issuer: String, signer: String? = nil, signerTitle: String? = nil, signingCapacity: String? = nil, signatories: [Signatory], category: DisclosureCategory? = nil, isDraft: Bool, isPublished: Bool, posting: Posting? = nil, comments: [Comment], minutes: MinutesKind? = nil, subjectReference: String? = nil, subject: RecordID? = nil, references: [Reference], attachments: [String], recipients: [String], notes: [String], privateFields: [String: String], body: String, bodyLine: Int, outline: RegulationOutline? = nil) {
        self.id = id
        self.file = file
        self.number = number
        self.type = type
        self.title = title
        self.date = date
        self.time = time
        self.meetingDate = meetingDate
        self.place = place
        self.issuer = issuer
        self.signer = signer
        self.signerTitle = signerTitle
        self.signingCapacity = signingCapacity
        self.signatories = signatories
        self.category = category
        self.isDraft = isDraft
        self.isPublished = isPublished
        self.posting = posting
        self.comments = comments
        self.minutes = minutes
        self.subjectReference = subjectReference
        self.subject = subject
        self.references = references
        self.attachments = attachments
        self.recipients = recipients
        self.notes = notes
        self.privateFields = privateFields
        self.body = body
        self.bodyLine = bodyLine
        self.outline = outline
    }
}

public struct Signatory: Hashable, Sendable {
    public var name: String
    public var role: String?

    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// What kind of minutes a BB record is.
public enum MinutesKind: String, Sendable, CaseIterable {
    case meeting
    case postingStart = "posting-start"
    case postingEnd = "posting-end"
    case ballot
    case other

    public var vietnamese: String {
        switch self {
        case .meeting: return "Biên bản họp"
        case .postingStart: return "Biên bản niêm yết"
        case .postingEnd: return "Biên bản kết thúc niêm yết"
        case .ballot: return "Biên bản kiểm phiếu"
        case .other: return "Biên bản"
        }
    }
}

/// A comment received while a notice was posted. Its `private` part (who sent it) never reaches the portal.
public struct Comment: Hashable, Sendable {
    public var date: Day?
    public var summary: String
    public var response: String?
    public var privateFields: [String: String]

    public init(date: Day? = nil, summary: String, response: String? = nil, privateFields: [String: String]) {
        self.date = date
        self.summary = summary
        self.response = response
        self.privateFields = privateFields
    }
}

/// A "Căn cứ" or a link to another record. Resolved once every record is loaded.
public struct Reference: Hashable, Sendable {
    public var text: String
    public var target: RecordID?
    public var line: Int

    public init(text: String, target: RecordID? = nil, line: Int) {
        self.text = text
        self.target = target
        self.line = line
    }
}

/// The period a notice is posted, as the record states it.
public struct Posting: Hashable, Sendable {
    public var start: Day
    /// The last day as posted ("đến hết ngày …"); nil only for a permanent posting.
    public var end: Day?
    /// Days as stated, or counted from start to end under Civil Code Art. 147 (first day not counted).
    public var days: Int?
    public var places: [String]
    public var feedbackUntil: Day?
    /// A sector law's own minimum, which prevails over the default regime.
    public var requiredDays: Int?
    public var basis: String?
    /// Posted permanently (niêm yết thường xuyên), e.g. Law 10/2022 Art. 13(2) items 4 and 13.
    public var isPermanent: Bool

    public init(start: Day, end: Day? = nil, days: Int? = nil, places: [String], feedbackUntil: Day? = nil, requiredDays: Int? = nil, basis: String? = nil, isPermanent: Bool) {
        self.start = start
        self.end = end
        self.days = days
        self.places = places
        self.feedbackUntil = feedbackUntil
        self.requiredDays = requiredDays
        self.basis = basis
        self.isPermanent = isPermanent
    }
}
