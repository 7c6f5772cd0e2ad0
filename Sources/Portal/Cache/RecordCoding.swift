import Disclosure

/// The build's snapshot of a record (ByteCoding.swift gives the primitives): every stored field in
/// declaration order, except `privateFields`, `body` and each comment's `privateFields`.
extension Record {
    /// Every stored field except `body` and private data (`privateFields` and each comment's
    /// `privateFields` are NOT written: the snapshot lives inside the built site's folder, and
    /// private values must never reach it). Deterministic: the same record always gives the same bytes.
    public func encode(into writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(file)
        writer.optional(number) { $0.documentNumber($1) }
        writer.documentType(type)
        writer.string(title)
        writer.day(date)
        writer.optional(time) { $0.int($1.hour); $0.int($1.minute) }
        writer.optional(meetingDate) { $0.day($1) }
        writer.optionalString(place)
        writer.string(issuer)
        writer.optionalString(signer)
        writer.optionalString(signerTitle)
        writer.optionalString(signingCapacity)
        writer.array(signatories) { $0.string($1.name); $0.optionalString($1.role) }
        writer.optional(category) { $0.string($1.regime.rawValue); $0.int($1.item) }
        writer.bool(isDraft)
        writer.bool(isPublished)
        writer.optional(posting) { $0.posting($1) }
        writer.array(comments) { $0.optional($1.date) { $0.day($1) }; $0.string($1.summary); $0.optionalString($1.response) }
        writer.optionalString(minutes?.rawValue)
        writer.optionalString(subjectReference)
        writer.optionalString(subject)
        writer.array(references) { $0.string($1.text); $0.optionalString($1.target); $0.int($1.line) }
        writer.array(attachments) { $0.string($1) }
        writer.array(recipients) { $0.string($1) }
        writer.array(notes) { $0.string($1) }
        writer.int(bodyLine)
        writer.optional(outline) { $0.array($1.entries) { $0.outlineEntry($1) } }
    }

    /// The record `encode` wrote, with `body == ""` and empty private fields.
    public init(decoding reader: inout BinaryReader) throws {
        // Arguments are evaluated left to right, so the reads follow the order `encode` wrote.
        try self.init(
            id: reader.string(),
            file: reader.string(),
            number: reader.optional { try $0.documentNumber() },
            type: reader.documentType(),
            title: reader.string(),
            date: reader.day(),
            time: reader.optional { try TimeOfDay(hour: $0.int(), minute: $0.int()) },
            meetingDate: reader.optional { try $0.day() },
            place: reader.optionalString(),
            issuer: reader.string(),
            signer: reader.optionalString(),
            signerTitle: reader.optionalString(),
            signingCapacity: reader.optionalString(),
            signatories: reader.array { try Signatory(name: $0.string(), role: $0.optionalString()) },
            category: reader.optional { try $0.category() },
            isDraft: reader.bool(),
            isPublished: reader.bool(),
            posting: reader.optional { try $0.posting() },
            comments: reader.array {
                try Comment(date: $0.optional { try $0.day() }, summary: $0.string(), response: $0.optionalString(), privateFields: [:])
            },
            minutes: reader.optional { try $0.minutesKind() },
            subjectReference: reader.optionalString(),
            subject: reader.optionalString(),
            references: reader.array { try Reference(text: $0.string(), target: $0.optionalString(), line: $0.int()) },
            attachments: reader.array { try $0.string() },
            recipients: reader.array { try $0.string() },
            notes: reader.array { try $0.string() },
            privateFields: [:],
            body: "",
            bodyLine: reader.int(),
            outline: reader.optional { try RegulationOutline(entries: $0.array { try $0.outlineEntry() }) }
        )
    }
}

extension DocumentType {
    /// The known types by exact code, to rebuild a type from its code alone.
    static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}

extension BinaryWriter {
    /// A day is its ordinal: exact even past year 9999, which a posting's end can reach.
    fileprivate mutating func day(_ day: Day) { int(day.ordinal) }

    fileprivate mutating func documentNumber(_ number: DocumentNumber) {
        int(number.number)
        string(number.numberText)
        optional(number.year) { $0.int($1) }
        optionalString(number.typeCode)
        string(number.issuerCode)
    }

    /// A type of the table is its code; any other (none today) also carries its names.
    fileprivate mutating func documentType(_ type: DocumentType) {
        string(type.code)
        let isKnown = DocumentType.byCode[type.code] == type
        bool(isKnown)
        if !isKnown {
            string(type.nameVI)
            string(type.nameEN)
        }
    }

    fileprivate mutating func posting(_ posting: Posting) {
        day(posting.start)
        optional(posting.end) { $0.day($1) }
        optional(posting.days) { $0.int($1) }
        array(posting.places) { $0.string($1) }
        optional(posting.feedbackUntil) { $0.day($1) }
        optional(posting.requiredDays) { $0.int($1) }
        optionalString(posting.basis)
        bool(posting.isPermanent)
    }

    fileprivate mutating func outlineEntry(_ entry: RegulationOutline.Entry) {
        int(entry.level.rawValue)
        string(entry.label)
        string(entry.title)
        string(entry.heading)
        string(entry.anchor)
        optional(entry.articleNumber) { $0.int($1) }
        int(entry.line)
    }
}

extension BinaryReader {
    fileprivate mutating func day() throws -> Day {
        // Far beyond any real date, and well inside what Day's arithmetic computes without overflow.
        let ordinal = try int()
        guard (-(1 << 40) ..< 1 << 40).contains(ordinal) else { throw Malformed() }
        return Day(ordinal: ordinal)
    }

    fileprivate mutating func documentNumber() throws -> DocumentNumber {
        try DocumentNumber(number: int(), numberText: string(), year: optional { try $0.int() },
                           typeCode: optionalString(), issuerCode: string())
    }

    fileprivate mutating func documentType() throws -> DocumentType {
        let code = try string()
        if try bool() {
            guard let known = DocumentType.byCode[code] else { throw Malformed() }
            return known
        }
        return try DocumentType(code: code, nameVI: string(), nameEN: string())
    }

    fileprivate mutating func category() throws -> DisclosureCategory {
        guard let regime = try DisclosureCategory.Regime(rawValue: string()),
              let category = try DisclosureCategory(regime: regime, item: int()) else { throw Malformed() }
        return category
    }

    fileprivate mutating func minutesKind() throws -> MinutesKind {
        guard let kind = try MinutesKind(rawValue: string()) else { throw Malformed() }
        return kind
    }

    fileprivate mutating func posting() throws -> Posting {
        try Posting(start: day(), end: optional { try $0.day() }, days: optional { try $0.int() },
                    places: array { try $0.string() }, feedbackUntil: optional { try $0.day() },
                    requiredDays: optional { try $0.int() }, basis: optionalString(), isPermanent: bool())
    }

    fileprivate mutating func outlineEntry() throws -> RegulationOutline.Entry {
        guard let level = try RegulationOutline.Level(rawValue: int()) else { throw Malformed() }
        return try RegulationOutline.Entry(level: level, label: string(), title: string(), heading: string(),
                                           anchor: string(), articleNumber: optional { try $0.int() }, line: int())
    }
}
