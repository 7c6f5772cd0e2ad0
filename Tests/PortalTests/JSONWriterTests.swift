import Foundation
import Testing
import TestSupport
@testable import Portal

/// The fast writers give exactly the bytes of the slow ones they replaced: `JSONSerialization`
/// (with the site's two option sets), `ScriptJSON`'s chained `replacingOccurrences`, the iCalendar
/// escaping and folding, and the XML escaping scalar by scalar.
@Suite("Fast writers, old bytes")
struct JSONWriterTests {
    static let fileOptions: JSONSerialization.WritingOptions = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]

    // MARK: The old ways, as they were written

    static func oldFile(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: fileOptions), as: UTF8.self) + "\n"
    }

    static func oldCompact(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func oldScript(_ object: Any) -> String {
        oldCompact(object)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    static func oldXML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func oldFold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }

    static func compact(_ object: Any) -> String {
        var writer = JSONWriter(.compact)
        writer.value(object)
        return writer.string
    }

    // MARK: Seeded random input

    /// Pieces of text that escaping, sorting or folding could get wrong.
    static let pieces: [String] = [
        "a", "Z", "0", "9", " ", "  ", "xã", "Đông Sơn", "dân chủ", "Hoà,", "Ủy ban", "ệ", "ữ", "à", "ỹ", "đ", "Đ",
        "\"", "\\", "/", "</script>", "<!--", "<", ">", "&", "&amp;", ";", ",", "'", ":",
        "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{8}", "\u{C}", "\u{B}", "\u{1B}",
        "e\u{301}", "\u{301}", "\u{338}", "\u{300}", "\u{37E}", "\u{2028}", "\u{2029}", "\u{AD}", "\u{A0}",
        "😀", "🇻🇳", "👍🏽", "\u{200D}", "\u{FE0F}", "\u{20E3}", "日本", "–", "—", "…", "“", "”", "\u{FFFE}", "\u{FFFF}",
        "\u{600}", "\u{E31}", "\u{903}", "\u{1100}\u{1161}", "\u{226E}", "\u{FF1C}", "ǅ", "ß",
        "https://xa.example.gov.vn/van-ban/2024/", "127/KH-UBND",
    ]

    static func text(_ random: inout SeededGenerator, maxPieces: Int = 24) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static let keys = [
        "$schema", "@context", "@type", "as_of", "a_b", "ab", "aB", "A", "a1", "a2", "a10", "_", "-a", "x y", "x.y",
        "day", "days", "days_left", "date", "date_published", "dateCreated", "id", "identifier", "inLanguage",
        "Đ", "é", "e", "z", "Z", "url", "title", "cited_by", "category", "😀", "\"q\"", "s/l", "<k>",
    ]

    static func tree(_ random: inout SeededGenerator, depth: Int = 0) -> Any {
        let kind = depth >= 4 ? Int.random(in: 0...5, using: &random) : Int.random(in: 0...7, using: &random)
        switch kind {
        case 0, 1: return text(&random)
        case 2: return [Int.min, -1, 0, 7, 10, 2024, Int.max, Int.random(in: -100_000...100_000, using: &random)]
            .randomElement(using: &random)!
        case 3: return Bool.random(using: &random)
        case 4: return [0.5, 3.0, -2.25, 0.1, 1e21, 1e-7, 123456.789, -0.0, 100.0].randomElement(using: &random)!
        case 5: return NSNull()
        case 6: return (0..<Int.random(in: 0...4, using: &random)).map { _ in tree(&random, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let key = Int.random(in: 0..<4, using: &random) == 0 ? text(&random, maxPieces: 3) : keys.randomElement(using: &random)!
                object[key] = tree(&random, depth: depth + 1)
            }
            return object
        }
    }

    // MARK: JSON

    @Test("random trees: the bytes JSONSerialization gives with both option sets, and ScriptJSON's")
    func randomTrees() {
        var random = SeededGenerator(seed: 42)
        for round in 0..<1500 {
            let object = Self.tree(&random, depth: round % 3 == 0 ? 0 : 3)
            // JSONSerialization takes only arrays and objects at the top.
            let top: Any = object is [Any] || object is [String: Any] ? object : [object]
            #expect(String(decoding: JSONOutput.data(top), as: UTF8.self) == Self.oldFile(top), "round \(round)")
            #expect(Self.compact(top) == Self.oldCompact(top), "round \(round)")
            #expect(ScriptJSON.encode(top) == Self.oldScript(top), "round \(round)")
        }
    }

    @Test("fixed cases: empty containers, nesting, numbers, escapes")
    func fixedCases() {
        let cases: [Any] = [
            [Any](), [String: Any](), [[Any]()], ["a": [Any](), "b": [String: Any]()],
            ["d": ["x": 1, "y": [1, 2, [String: Any]()]], "c": [[[Any]()]]],
            ["s": "a/b\u{0}\u{1F}\u{7F}\u{8}\u{C}\t\n\r\"\\ é 😀 \u{2028} <>& </script> \u{1B}"],
            [true, false, NSNull(), 0, -1, Int.max, Int.min, 1.5, 3.0, 1e21, 0.1, -0.0],
            ["k": "<\u{338} >\u{301} &\u{FE0F} a<b"],
        ]
        for object in cases {
            #expect(String(decoding: JSONOutput.data(object), as: UTF8.self) == Self.oldFile(object))
            #expect(Self.compact(object) == Self.oldCompact(object))
            #expect(ScriptJSON.encode(object) == Self.oldScript(object))
        }
    }

    @Test("typed writing gives the bytes of the same tree serialised")
    func typedWriting() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let (title, body, number) = (Self.text(&random), Self.text(&random), Int.random(in: -5...5000, using: &random))
            let places = (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.text(&random) }
            let tree: [String: Any] = [
                "$schema": "https://x/api/records.schema.json", "@type": title,
                "records": [["date": "2024-01-30", "draft": number % 2 == 0, "days": number, "places": places,
                             "status": ["key": body, "days_left": number]]],
                "site": [String: Any](),
            ]
            let write = { (json: inout JSONWriter) in
                json.beginObject()
                // `@` sorts before `$`.
                json.field("@type", title)
                json.field("$schema", "https://x/api/records.schema.json")
                json.key("records")
                json.beginArray()
                json.beginObject()
                json.field("date", "2024-01-30")
                json.field("days", number)
                json.field("draft", number % 2 == 0)
                json.field("places", strings: places)
                json.key("status")
                json.beginObject()
                json.field("days_left", number)
                json.field("key", body)
                json.endObject()
                json.endObject()
                json.endArray()
                json.key("site")
                json.beginObject()
                json.endObject()
                json.endObject()
            }
            #expect(String(decoding: JSONOutput.file(write), as: UTF8.self) == Self.oldFile(tree))
            #expect(ScriptJSON.write(write) == Self.oldScript(tree))
        }
    }

    @Test("items written in chunks join into the bytes of the whole array")
    func chunks() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<50 {
            let items: [Any] = (0..<Int.random(in: 0...9, using: &random)).map { _ in Self.tree(&random, depth: 2) }
            let cut = Int.random(in: 0...items.count, using: &random)
            let joined = JSONOutput.joinedArray([JSONOutput.arrayItems(Array(items[..<cut])), JSONOutput.arrayItems([]),
                                                 JSONOutput.arrayItems(Array(items[cut...]))])
            #expect(String(decoding: joined, as: UTF8.self) == Self.oldFile(items))
        }
    }

    @Test("the keys the site writes come in JSONSerialization's order")
    func keyOrder() {
        let orders: [[String]] = [
            ["content_html", "date_published", "id", "summary", "tags", "title", "url"],
            ["authors", "description", "feed_url", "home_page_url", "items", "language", "title", "version"],
            ["attachments", "category", "cited_by", "date", "draft", "id", "issuer", "minutes", "number", "posting",
             "references", "signer", "signer_title", "subject", "title", "type", "url"],
            ["basis", "days", "end", "feedback_until", "legal_end", "permanent", "places", "required_days", "start", "status"],
            ["day", "days_left", "ended_on", "key", "of", "starts_in_days"],
            ["$schema", "as_of", "records", "site"], ["commune", "issuer", "name", "url"],
            ["date", "id", "number", "text", "title", "type", "url"],
            ["@context", "@type", "abstract", "author", "creativeWorkStatus", "dateCreated", "genre", "identifier",
             "inLanguage", "legislationDate", "legislationIdentifier", "legislationJurisdiction", "legislationPassedBy",
             "legislationType", "name", "url"],
        ]
        for keys in orders {
            let object = Dictionary(uniqueKeysWithValues: keys.map { ($0, 0) })
            let written = Self.oldCompact(object)
            let expected = "{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}"
            #expect(written == expected)
            for (a, b) in zip(keys, keys.dropFirst()) { #expect(JSONKeyOrder.precedes(a, b), "\(a) before \(b)") }
        }
    }

    // MARK: Script escaping next to other characters

    /// Every BMP scalar but the surrogates.
    static let bmp: [Unicode.Scalar] = (0x80...0xFFFF).compactMap { Unicode.Scalar($0) }

    /// Scalars the fast paths take as characters of their own after a replaced character, and a
    /// sample of the others (which the fast paths leave to Foundation).
    static let followers: [Unicode.Scalar] = bmp.filter { StandaloneScalars.standsAlone($0.value) || $0.value % 61 == 0 }

    /// Foundation matches characters, not code points: the fast path must step aside exactly
    /// where that shows. Before a markup character any scalar may stand (one long text, written
    /// the fast way); after one, each scalar the fast path reads on its own is tried apart.
    @Test("ScriptJSON next to BMP scalars")
    func scriptNeighbours() {
        var before = "", alone = ""
        for scalar in Self.bmp {
            before.unicodeScalars.append(contentsOf: ["x", scalar, "<", "x", scalar, ">", "x", scalar, "&", "x", " "])
            alone.unicodeScalars.append(contentsOf: [scalar, " "])
        }
        for text in [before, alone] {
            var writer = JSONWriter(.script)
            writer.string(text)
            #expect(!writer.needsFoundationEscaping, "the long texts are written the fast way")
            #expect(ScriptJSON.encode(["t": text]) == Self.oldScript(["t": text]))
        }
        for scalar in Self.followers {
            for markup in ["<", ">", "&"] {
                let text = markup + String(scalar) + "x"
                #expect(ScriptJSON.encode([text]) == Self.oldScript([text]), "U+\(String(scalar.value, radix: 16))")
                var writer = JSONWriter(.script)
                writer.string(text)
                #expect(writer.needsFoundationEscaping != StandaloneScalars.standsAlone(scalar.value))
            }
        }
    }

    // MARK: iCalendar

    static let calendarSpecials = ["\\", ";", ",", "\n", "\r", "\r\n"]

    @Test("iCalendar text: the old chained replacingOccurrences, on random text and next to BMP scalars")
    func calendarEscaping() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<3000 {
            let text = Self.text(&random)
            #expect(CalendarText.escape(text) == CalendarText.foundationEscaped(text), "\(text.debugDescription)")
        }
        // U+0340–U+037F (lead byte CD) always go the old way: leave them out of the long texts.
        var before = "", alone = ""
        for scalar in Self.bmp where !(0x340...0x37F).contains(scalar.value) {
            for special in Self.calendarSpecials { before += "x" + String(scalar) + special + "x " }
            alone += String(scalar) + " "
        }
        for text in [before, alone] {
            #expect(CalendarText.escapedByBytes(text) == CalendarText.foundationEscaped(text))
        }
        for scalar in Self.followers {
            for special in Self.calendarSpecials {
                let text = special + String(scalar) + "x"
                let fast = CalendarText.escapedByBytes(text)
                #expect((fast ?? CalendarText.foundationEscaped(text)) == CalendarText.foundationEscaped(text), "U+\(String(scalar.value, radix: 16))")
                #expect((fast != nil) == StandaloneScalars.standsAlone(scalar.value), "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test("iCalendar folding: 75 octets, between characters, as the old fold did")
    func calendarFolding() {
        var random = SeededGenerator(seed: 9)
        for _ in 0..<3000 {
            let line = "DESCRIPTION:" + Self.text(&random, maxPieces: 60)
            #expect(PostingCalendar.fold(line) == Self.oldFold(line), "\(line.debugDescription)")
        }
        let long = String(repeating: "Kế hoạch thực hiện dân chủ ở cơ sở – Đông Sơn, ", count: 12)
        var every = "", standing = ""
        for scalar in Self.bmp {
            every.unicodeScalars.append(contentsOf: ["a", scalar, "b", scalar, scalar])
            if StandaloneScalars.standsAlone(scalar.value) { standing.unicodeScalars.append(contentsOf: ["a", scalar, scalar]) }
        }
        for line in [long, every, standing] {
            #expect(PostingCalendar.fold(line) == Self.oldFold(line))
        }
        for line in [long, standing] {
            var bytes: [UInt8] = []
            #expect(CalendarText.foldByScalars(line, into: &bytes), "folded the fast way")
        }
    }

    // MARK: XML

    @Test("XML text: the old scalar-by-scalar escaping")
    func xmlEscaping() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<3000 {
            let text = Self.text(&random)
            #expect(XMLText.escape(text) == Self.oldXML(text), "\(text.debugDescription)")
        }
        var every = ""
        for value in 0...0x10FFFF where value % 7 == 0 || value < 0x100 || (0xFFF0...0xFFFF).contains(value) {
            if let scalar = Unicode.Scalar(value) { every.unicodeScalars.append(scalar) }
        }
        #expect(XMLText.escape(every) == Self.oldXML(every))
    }

    // MARK: The built site

    @Test("the sample site's JSON files and JSON-LD are what JSONSerialization gives for their own trees")
    func builtSite() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        var checked = 0
        for file in site.files {
            guard let data = file.data else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if file.path.hasSuffix(".json"), file.path != SitePaths.recordsSchema {
                let object = try JSONSerialization.jsonObject(with: data)
                #expect(text == Self.oldFile(object), "\(file.path)")
                checked += 1
            }
            if file.path.hasSuffix(".html") {
                for marker in ["<script type=\"application/ld+json\">", "<script type=\"application/json\" id=\"congkhai-texts\">"] {
                    guard let start = text.range(of: marker), let end = text[start.upperBound...].range(of: "</script>") else { continue }
                    let json = String(text[start.upperBound..<end.lowerBound])
                    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
                    #expect(json == Self.oldScript(object), "\(file.path)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }
}

extension JSONWriterTests {
    @Test("a prefix of characters, taken by scalars where that is the same")
    func characterPrefix() {
        var random = SeededGenerator(seed: 13)
        var texts = ["", "abc", String(repeating: "Kế hoạch dân chủ ", count: 40), String(repeating: "e\u{301}", count: 400),
                     String(repeating: "a", count: 299) + "\r\n", String(repeating: "a", count: 300) + "\u{301}",
                     String(repeating: "ệ", count: 299) + "\r\nx", String(repeating: "👍🏽", count: 301)]
        for _ in 0..<2000 { texts.append(Self.text(&random, maxPieces: 200)) }
        for text in texts {
            for count in [0, 1, 5, 300] {
                #expect(StandaloneScalars.prefix(text, characters: count) == String(text.prefix(count)), "\(text.debugDescription) \(count)")
            }
        }
    }
}
