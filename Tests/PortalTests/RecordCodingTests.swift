import Foundation
import Testing
import TestSupport
import Disclosure
@testable import Portal

/// The build snapshot's coder: every field but the body and private data comes back exactly,
/// private data never reaches the bytes, and damaged bytes throw instead of trapping.
@Suite struct RecordCodingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The sample content and the test fixtures' records.
    static let loaded: [Record] = ([PortalFixture.contentFolder] + ["Tests/DisclosureTests/Fixtures/broken", "Tests/PortalTests/Fixtures/hostile/Content"]
        .map { root.appendingPathComponent($0) }).flatMap { ContentLoader.load(from: $0).records }

    static func encoded(_ record: Record) -> [UInt8] {
        var writer = BinaryWriter()
        record.encode(into: &writer)
        return writer.bytes
    }

    /// What decoding must give back: the record without its body and private data.
    static func expected(_ record: Record) -> Record {
        var copy = record
        copy.body = ""
        copy.privateFields = [:]
        for index in copy.comments.indices { copy.comments[index].privateFields = [:] }
        return copy
    }

    static func dumped(_ record: Record) -> String {
        var text = ""
        dump(record, to: &text)
        return text
    }

    /// Reflection prints every stored property, so a field the coder forgets fails here.
    static func expectRoundTrip(_ record: Record, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var reader = BinaryReader(encoded(record))
        let decoded = try Record(decoding: &reader)
        let expected = Self.expected(record)
        #expect(reader.isAtEnd, sourceLocation: sourceLocation)
        #expect(String(reflecting: decoded) == String(reflecting: expected), sourceLocation: sourceLocation)
        // `dump` also walks into values that print a description (numbers, days); comparing UTF-8
        // catches a string that came back canonically equivalent but not identical (NFC for NFD).
        #expect(Array(dumped(decoded).utf8) == Array(dumped(expected).utf8), sourceLocation: sourceLocation)
        #expect(decoded.number == expected.number && decoded.type == expected.type && decoded.posting == expected.posting
                && decoded.comments == expected.comments && decoded.outline == expected.outline
                && decoded.references == expected.references && decoded.signatories == expected.signatories,
                sourceLocation: sourceLocation)
    }

    /// Every optional field set and every array non-empty.
    static func fullRecord() -> Record {
        let outline = RegulationOutline(headings: [
            (text: "Phần thứ nhất. QUY ĐỊNH CHUNG", line: 3), (text: "Chương I. Phạm vi", line: 5),
            (text: "Điều 1. Phạm vi điều chỉnh", line: 7), (text: "Điều 2: Đối tượng áp dụng", line: 12),
        ])
        guard case .success(let number) = DocumentNumber.parse("05/2024/QĐ-UBND") else { fatalError("the sample number parses") }
        return Record(
            id: "2024-05-qd-ubnd", file: "documents/2024/05-qd.md", number: number.value,
            type: DocumentType.named("QĐ")!, title: "Quyết định ban hành Quy chế", date: Day(year: 2024, month: 2, day: 26)!,
            time: TimeOfDay(hour: 16, minute: 30), meetingDate: Day(year: 2024, month: 2, day: 5)!, place: "Đông Sơn",
            issuer: "UBND xã Đông Sơn", signer: "Đặng Quý Hưng", signerTitle: "Chủ tịch", signingCapacity: "TM. Ủy ban nhân dân",
            signatories: [Signatory(name: "Nguyễn Văn A", role: "Thư ký"), Signatory(name: "Lê Thị B", role: nil)],
            category: DisclosureCategory(regime: .agency, item: 9)!,
            isDraft: true, isPublished: false,
            posting: Posting(start: Day(year: 2024, month: 2, day: 5)!, end: Day(year: 2024, month: 2, day: 25)!, days: 20,
                             places: ["portal", "notice-board"], feedbackUntil: Day(year: 2024, month: 2, day: 9)!,
                             requiredDays: 30, basis: "Quy chế 156/QC-UBND, Điều 7 khoản 3", isPermanent: true),
            comments: [Comment(date: Day(year: 2024, month: 2, day: 6)!, summary: "Đề nghị làm rõ Điều 3",
                               response: "Đã tiếp thu", privateFields: ["name": "Trần Thị C"]),
                       Comment(date: nil, summary: "", response: nil, privateFields: [:])],
            minutes: .postingEnd, subjectReference: "du-thao-quy-che", subject: "du-thao-quy-che-dan-chu",
            references: [Reference(text: "127/KH-UBND", target: "2024-127-kh-ubnd", line: 14),
                         Reference(text: "Nghị định số 59/2023/NĐ-CP", target: nil, line: 15)],
            attachments: ["files/05-QD-UBND.pdf"], recipients: ["Như trên", "Lưu: VT"], notes: ["Bản gốc ghi “2 phần”."],
            privateFields: ["phone": "0912345678"], body: "# Quyết định\n\nNội dung.", bodyLine: 21, outline: outline)
    }

    static func emptyRecord() -> Record {
        Record(id: "", file: "", number: nil, type: .officialLetter, title: "", date: Day(year: 1, month: 1, day: 1)!,
               time: nil, meetingDate: nil, place: nil, issuer: "", signer: nil, signerTitle: nil, signingCapacity: nil,
               signatories: [], category: nil, isDraft: false, isPublished: true, posting: nil, comments: [], minutes: nil,
               subjectReference: nil, subject: nil, references: [], attachments: [], recipients: [], notes: [],
               privateFields: [:], body: "", bodyLine: 0, outline: nil)
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }

    @Test func sampleAndFixtureRecordsRoundTrip() throws {
        #expect(Self.loaded.count > 20)
        for record in Self.loaded { try Self.expectRoundTrip(record) }
    }

    @Test func everyFieldSetAndEveryOptionalNilRoundTrip() throws {
        try Self.expectRoundTrip(Self.fullRecord())
        try Self.expectRoundTrip(Self.emptyRecord())
        // An official letter's number has no type code; a posting's end may pass year 9999.
        var letter = Self.emptyRecord()
        guard case .success(let number) = DocumentNumber.parse("45/UBND-VP") else { fatalError("the sample number parses") }
        letter.number = number.value
        letter.posting = Posting(start: Day(year: 9999, month: 12, day: 20)!, end: Day(year: 9999, month: 12, day: 20)!.adding(days: 3650),
                                 days: 3650, places: [], feedbackUntil: nil, requiredDays: nil, basis: nil, isPermanent: false)
        letter.bodyLine = Int.max
        letter.references = [Reference(text: "x", target: nil, line: Int.min)]
        try Self.expectRoundTrip(letter)
    }

    @Test func aTypeOutsideTheTableKeepsItsNames() throws {
        var record = Self.emptyRecord()
        record.type = DocumentType(code: "XYZ", nameVI: "Loại khác", nameEN: "Other")
        try Self.expectRoundTrip(record)
        record.type = DocumentType(code: "KH", nameVI: "Kế hoạch (sửa)", nameEN: "Plan")
        try Self.expectRoundTrip(record)
    }

    @Test func privateValuesNeverReachTheBytes() {
        let secret = "BÍ-MẬT-0912345678"
        var record = Self.fullRecord()
        record.privateFields = ["phone": secret, secret: "key"]
        record.comments[0].privateFields = ["phone": secret, "name": secret]
        record.comments[1].privateFields = [secret: secret]
        let bytes = Self.encoded(record)
        #expect(!Self.contains(bytes, Array(secret.utf8)))
        #expect(!Self.contains(bytes, Array(secret.decomposedStringWithCanonicalMapping.utf8)))
        // The hostile fixture marks each private value PRIV-…; none may reach any record's bytes.
        for loaded in Self.loaded {
            #expect(!Self.contains(Self.encoded(loaded), Array("PRIV-".utf8)), "\(loaded.file)")
        }
        #expect(Self.loaded.contains { !$0.privateFields.isEmpty })
    }

    @Test func encodingIsDeterministic() throws {
        for record in Self.loaded + [Self.fullRecord(), Self.emptyRecord()] {
            let bytes = Self.encoded(record)
            #expect(Self.encoded(record) == bytes)
            var reader = BinaryReader(bytes)
            #expect(Self.encoded(try Record(decoding: &reader)) == bytes)
        }
    }

    @Test func damagedBytesThrowAndNeverTrap() throws {
        let bytes = Self.encoded(Self.fullRecord())
        for count in 0..<bytes.count {
            var reader = BinaryReader(Array(bytes.prefix(count)))
            #expect(throws: BinaryReader.Malformed.self) { try Record(decoding: &reader) }
        }
        var g = SeededGenerator(seed: 0x0912)
        for _ in 0..<500 {
            var reader = BinaryReader((0..<g.below(300)).map { _ in UInt8(truncatingIfNeeded: g.next()) })
            #expect(throws: BinaryReader.Malformed.self) { try Record(decoding: &reader) }
        }
        // One byte changed anywhere may decode or throw, but must never trap.
        for _ in 0..<2000 {
            var damaged = bytes
            damaged[g.below(damaged.count)] = UInt8(truncatingIfNeeded: g.next())
            var reader = BinaryReader(damaged)
            _ = try? Record(decoding: &reader)
        }
    }

    @Test func primitivesRejectImpossibleValues() {
        var bool = BinaryReader([2])
        #expect(throws: BinaryReader.Malformed.self) { try bool.bool() }
        // A varint of more than 64 bits, and one cut short.
        for bytes: [UInt8] in [[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], [0x80, 0x80], []] {
            var reader = BinaryReader(bytes)
            #expect(throws: BinaryReader.Malformed.self) { try reader.int() }
        }
        // Lengths and counts larger than what is left, or negative, throw before anything is allocated.
        for length in [Int.max, Int.min, -1, 5] {
            var writer = BinaryWriter()
            writer.int(length)
            writer.bool(true)
            var strings = BinaryReader(writer.bytes), blobs = BinaryReader(writer.bytes), arrays = BinaryReader(writer.bytes)
            #expect(throws: BinaryReader.Malformed.self) { try strings.string() }
            #expect(throws: BinaryReader.Malformed.self) { try blobs.raw() }
            #expect(throws: BinaryReader.Malformed.self) { try arrays.array { try $0.bool() } }
        }
    }

    @Test func primitivesRoundTrip() throws {
        let numbers = [0, 1, -1, 63, -64, 64, -65, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min, Int.max - 1, Int.min + 1]
        let nfc = "Quy chế thực hiện dân chủ của xã Đông Sơn"
        let strings = ["", "a", nfc, nfc.decomposedStringWithCanonicalMapping, "e\u{301}\u{323}", "\u{0}\n\t",
                       "👨‍👩‍👧 ₫", String(repeating: "Nghị định ", count: 20_000)]
        var writer = BinaryWriter(capacity: 16)
        numbers.forEach { writer.int($0) }
        strings.forEach { writer.string($0) }
        [nil, "", "có"].forEach { writer.optionalString($0) }
        writer.bool(true)
        writer.bool(false)
        writer.raw([UInt8]())
        writer.raw([0, 255, 7][...])
        var reader = BinaryReader(writer.bytes)
        #expect(try numbers.map { _ in try reader.int() } == numbers)
        for string in strings { #expect(Array(try reader.string().utf8) == Array(string.utf8)) }
        #expect(try [reader.optionalString(), reader.optionalString(), reader.optionalString()] == [nil, "", "có"])
        #expect(try reader.bool() == true && reader.bool() == false)
        #expect(try reader.raw() == [] && reader.raw() == [0, 255, 7])
        #expect(reader.isAtEnd)
    }

    @Test func layoutIsZigzagVarintsAndLengthPrefixedUTF8() {
        var writer = BinaryWriter()
        [0, -1, 1, 63, -64, 64].forEach { writer.int($0) }
        writer.string("á")
        writer.optionalString(nil)
        #expect(writer.bytes == [0, 1, 2, 126, 127, 0x80, 0x01, 4, 0xC3, 0xA1, 0])
    }

    @Test func vietnameseTextKeepsItsExactForm() throws {
        let nfc = "Nguyễn Thị Hồng Nhung, thôn Đông Sơn"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        var record = Self.fullRecord()
        record.title = nfd
        record.issuer = nfc
        record.place = ""
        record.signer = "e\u{301}\u{302}"
        record.notes = [nfd, nfc, "", String(repeating: nfd, count: 5_000)]
        try Self.expectRoundTrip(record)
        var reader = BinaryReader(Self.encoded(record))
        let decoded = try Record(decoding: &reader)
        #expect(Array(decoded.title.utf8) == Array(nfd.utf8))
        #expect(decoded.notes.map { Array($0.utf8) } == record.notes.map { Array($0.utf8) })
    }
}
