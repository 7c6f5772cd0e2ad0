import Foundation
import Disclosure

/// One document while its lines are read: what each part of it said, with the line it said it on.
/// `take` files a line under the header, the title, the body or the closing; `finish` turns what
/// was found into a record and reports what was missing or had to be interpreted.
struct DocumentInProgress {
    enum Phase { case header, title, body, closing }

    struct Found<Value> {
        var value: Value
        var line: Int
    }

    let file: String
    let firstLine: Int
    let ownIssuerCodes: Set<String>
    private(set) var lastLine: Int
    private(set) var phase = Phase.header

    // Header
    var number: Found<NumberLine>?
    var dateLine: Found<PlaceDateLine>?
    var typeLine: Found<TypeLine>?
    var issuerHeader: [String] = []
    var draftMark = false
    /// The type line may run on in capitals on the next line ("BIÊN BẢN" / "NIÊM YẾT CÔNG KHAI").
    private var typeLineOpen = false
    var titleLines: [SourceLine] = []
    private var titleOpen = false

    // Body
    var body = MarkdownBody()
    var references: [String] = []
    var postings: [Found<PostingStatement>] = []
    var places: [String] = []
    var meeting: Found<MeetingTime>?
    var opening: Found<MinutesOpening>?
    /// "Hôm nay … lập biên bản kết thúc việc niêm yết …": says what minutes are about.
    var openingSentence: String?
    var completionTime: TimeOfDay?

    // Closing
    var recipientsLabel: Found<String>?
    var recipients: [String] = []
    private var recipientsOpen = false
    var signatures = SignatureBlock()
    var participants: [String] = []
    private var participantsOpen = false

    var diagnostics: [ImportDiagnostic] = []

    init(file: String, firstLine: Int, ownIssuerCodes: Set<String>) {
        self.file = file
        self.firstLine = firstLine
        self.lastLine = firstLine
        self.ownIssuerCodes = ownIssuerCodes
    }

    /// Files one line; false when the line belongs to the next document (nothing is changed then).
    mutating func take(_ line: SourceLine, as kind: ImportLine, nextKinds: [ImportLine]) -> Bool {
        if kind.isBlank {
            typeLineOpen = false
            if titleOpen { titleOpen = false; if phase == .title { phase = .body } }
            return true
        }
        if startsNextDocument(kind, nextKinds: nextKinds) { return false }
        lastLine = line.number
        switch phase {
        case .header: takeInHeader(line, kind)
        case .title: takeAfterTypeLine(line, kind)
        case .body: takeInBody(line, kind, nextKinds: nextKinds)
        case .closing: takeInClosing(line, kind)
        }
        return true
    }

    private func startsNextDocument(_ kind: ImportLine, nextKinds: [ImportLine]) -> Bool {
        switch (phase, kind) {
        case (.header, .number): return number != nil
        case (.header, .placeDate): return dateLine != nil
        case (.header, .typeLine): return typeLine != nil
        case (.header, _): return false
        case (.closing, _): return kind.isHeader
        case (_, .number): return true
        case (_, .header(.issuer)), (_, .header(.motto)): return true
        case (_, .placeDate):
            // Inside a body, a date line opens a document only when a type line follows it.
            return nextKinds.contains { if case .typeLine = $0 { return true } else { return false } }
        default: return false
        }
    }

    // MARK: Header and title

    private mutating func takeInHeader(_ line: SourceLine, _ kind: ImportLine) {
        switch kind {
        case .number(let n):
            number = Found(value: n, line: line.number)
            if !n.rest.isEmpty, let date = PlaceDateLine.recognise(n.rest), dateLine == nil {
                dateLine = Found(value: date, line: line.number)  // a flattened header: "Số: 12/TB-UBND Đông Sơn, ngày …"
            }
        case .placeDate(let d): dateLine = Found(value: d, line: line.number)
        case .header(.issuer(let text)): issuerHeader.append(text)
        case .header(.draftMark): draftMark = true
        case .header: break  // the national motto, decorative rules
        case .typeLine(let t):
            typeLine = Found(value: t, line: line.number)
            typeLineOpen = true
            phase = .title
        default:
            // No type line: a title such as "V/v …" under the number, or a text without any header.
            phase = .title
            takeAfterTypeLine(line, kind)
        }
    }

    private mutating func takeAfterTypeLine(_ line: SourceLine, _ kind: ImportLine) {
        if typeLineOpen, titleLines.isEmpty, Casing.isUppercase(line.plain), case .text = kind, let t = typeLine {
            typeLine = Found(value: TypeLine(type: t.value.type, rest: (t.value.rest + " " + line.plain).trimmingCharacters(in: .whitespaces),
                                             isDraft: t.value.isDraft), line: t.line)
            return
        }
        typeLineOpen = false
        switch kind {
        case .placeDate(let d) where dateLine == nil:
            dateLine = Found(value: d, line: line.number)  // some documents put the date line under the type line
            return
        case .text, .name:
            if titleOpen || (titleLines.isEmpty && Self.isTitle(line.plain)) {
                titleLines.append(line)
                titleOpen = true
                return
            }
        default:
            break
        }
        phase = .body
        takeInBody(line, kind, nextKinds: [])
    }

    /// A subject line: not a "Căn cứ", not the opening of minutes, not a section heading.
    private static func isTitle(_ plain: String) -> Bool {
        let folded = plain.folded
        return plain.count <= 400 && !CitationClauses.isCandidate(plain) && !folded.hasPrefix("hom nay")
            && MeetingTime.recognise(plain) == nil && StructureHeading.recognise(plain) == nil
            && !plain.hasPrefix("- ") && !plain.hasPrefix("+ ")
    }

    // MARK: Body

    private mutating func takeInBody(_ line: SourceLine, _ kind: ImportLine, nextKinds: [ImportLine]) {
        titleOpen = false
        switch kind {
        case .closing(.recipientsLabel(let written, let rest)):
            enterClosing()
            takeRecipientsLabel(written: written, rest: rest, line: line.number)
            return
        case .closing(.capacity), .closing(.participantsLabel):
            enterClosing()
            takeInClosing(line, kind)
            return
        case .closing(.role) where nextKinds.contains(where: Self.isSignatureLine):
            enterClosing()
            takeInClosing(line, kind)
            return
        case .header(.separator), .header(.draftMark):
            return
        case .placeDate:
            diagnostics.append(ImportDiagnostic(.warning, .dateLineInBody, file: file, line: line.number,
                                                "a date line inside the text is kept as text: “\(DocumentReader.excerpt(line.plain))”",
                                                hint: "if it starts another document, put its type line (KẾ HOẠCH, BIÊN BẢN …) under it"))
        default:
            break
        }
        readSentences(line)
        body.add(line)
    }

    private static func isSignatureLine(_ kind: ImportLine) -> Bool {
        switch kind {
        case .name, .closing(.capacity), .closing(.role), .closing(.signatureNote): return true
        default: return false
        }
    }

    /// The facts a body line may state: cited documents, a posting period and its places, when a
    /// meeting was held, when minutes were opened and completed.
    private mutating func readSentences(_ line: SourceLine) {
        let plain = line.plain
        if !body.hasHeading, CitationClauses.isCandidate(plain) {
            for clause in CitationClauses.recognise(plain, ownIssuerCodes: ownIssuerCodes) {
                switch clause {
                case .citation(let citation):
                    if !references.contains(citation.text) { references.append(citation.text) }
                case .uncited(let text):
                    diagnostics.append(ImportDiagnostic(.info, .uncitedBasis, file: file, line: line.number,
                                                        "“\(DocumentReader.excerpt(text))” names no document; it is not a reference"))
                }
            }
        }
        if let statement = PostingStatement.recognise(plain) { postings.append(Found(value: statement, line: line.number)) }
        if let found = PostingPlaces.recogniseLine(plain) { places += found }
        if meeting == nil, let time = MeetingTime.recognise(plain) { meeting = Found(value: time, line: line.number) }
        if opening == nil, let found = MinutesOpening.recognise(plain) {
            opening = Found(value: found, line: line.number)
            openingSentence = plain
        }
        let folded = plain.folded
        if completionTime == nil, folded.contains("lap xong") || folded.contains("ket thuc luc") {
            let words = Words(plain)
            completionTime = (0..<words.count).lazy.compactMap { TimeMention.scan(words, at: $0) }.first
        }
    }

    // MARK: Closing

    private mutating func enterClosing() {
        phase = .closing
        titleOpen = false
    }

    private mutating func takeRecipientsLabel(written: String, rest: String, line: Int) {
        recipientsLabel = Found(value: written, line: line)
        recipientsOpen = true
        if !rest.isEmpty { recipients.append(rest) }
    }

    private mutating func takeInClosing(_ line: SourceLine, _ kind: ImportLine) {
        let plain = line.plain
        if recipientsOpen, let item = Self.listItem(plain) {
            recipients.append(item)
            return
        }
        if recipientsOpen, case .text = kind, plain.count > 80 {
            recipientsOpen = false  // a sentence, not an addressee
        }
        switch kind {
        case .closing(.recipientsLabel(let written, let rest)):
            takeRecipientsLabel(written: written, rest: rest, line: line.number)
        case .closing(.capacity(let capacity)):
            recipientsOpen = false
            participantsOpen = false
            signatures.add(capacity: capacity, line: line.number)
        case .closing(.role(let role)) where !participantsOpen:
            recipientsOpen = false
            signatures.add(role: role, line: line.number)
        case .closing(.signatureNote):
            break
        case .closing(.participantsLabel):
            recipientsOpen = false
            participantsOpen = true
        case .name(let name):
            recipientsOpen = false
            if participantsOpen { participants.append(name) } else { signatures.add(name: name, line: line.number) }
        default:
            if recipientsOpen {
                recipients.append(plain)
            } else if participantsOpen && plain.hasPrefix("(") {
                break  // "(Gồm cán bộ, công chức …)" under the participants' heading
            } else if participantsOpen {
                diagnostics.append(ImportDiagnostic(.warning, .notAName, file: file, line: line.number,
                                                    "“\(DocumentReader.excerpt(plain))” under the participants is not a legible name; it is not imported",
                                                    hint: "handwriting read by OCR: add the name to `signatories` by hand if you can read it"))
            } else {
                diagnostics.append(ImportDiagnostic(.warning, .signatureLine, file: file, line: line.number,
                                                    "“\(DocumentReader.excerpt(plain))” after the signature block is not recognised; it is not imported",
                                                    hint: "a signature block is a capacity (TM. …), a title (CHỦ TỊCH) and a name"))
            }
        }
    }

    private static func listItem(_ plain: String) -> String? {
        for marker in ["- ", "+ ", "• ", "-", "+"] where plain.hasPrefix(marker) {
            let item = plain.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            return item.isEmpty ? nil : item
        }
        return nil
    }
}
