import Foundation
import Testing
import TestSupport
@testable import Disclosure
@testable import Portal

/// CongKhai's JSON format (`JSONWriter`), checked against a JSON parser: values round-trip, keys
/// come in code-point order, `.script` leaves nothing a `<script>` element could trip on; and a
/// few exact examples of the format. Also the iCalendar and XML escaping.
@Suite("JSON, iCalendar and XML writers")
struct JSONWriterTests {
    // MARK: XML, the old way

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

    // MARK: The parser as oracle

    /// A JSON value as the parser gives it back, numbers compared by value.
    indirect enum Value: Equatable {
        case string(String), int(Int), double(Double), bool(Bool), null
        case array([Value]), object([String: Value])
    }

    /// What the writer was given, in the parser's terms.
    static func expected(_ object: Any) -> Value {
        switch object {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let number as Double:
            // An integral double is written without `.0` and parses back as an integer.
            if number == number.rounded(), abs(number) < 9e15 { return .int(Int(number)) }
            return .double(number)
        case is NSNull: return .null
        case let array as [Any]: return .array(array.map(expected))
        case let dictionary as [String: Any]: return .object(dictionary.mapValues(expected))
        default: preconditionFailure("\(type(of: object))")
        }
    }

    /// `data` parsed by JSONDecoder.
    static func parsed(_ data: Data) throws -> Value {
        try JSONDecoder().decode(Decoded.self, from: data).value
    }

    struct Decoded: Decodable {
        let value: Value

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if let keyed = try? decoder.container(keyedBy: Key.self) {
                var object: [String: Value] = [:]
                for key in keyed.allKeys { object[key.stringValue] = try keyed.decode(Decoded.self, forKey: key).value }
                value = .object(object)
            } else if var unkeyed = try? decoder.unkeyedContainer() {
                var array: [Value] = []
                while !unkeyed.isAtEnd { array.append(try unkeyed.decode(Decoded.self).value) }
                value = .array(array)
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() { value = .null }
                else if let flag = try? single.decode(Bool.self) { value = .bool(flag) }
                else if let number = try? single.decode(Int.self) { value = .int(number) }
                else if let number = try? single.decode(Double.self) { value = .double(number) }
                else { value = .string(try single.decode(String.self)) }
            }
        }
    }

    /// The keys of each object in `json`, in the order written (a scan that knows strings, not a
    /// parser: the parsers above do not keep the order).
    static func keyOrders(_ json: String) -> [[String]] {
        var done: [[String]] = []
        var open: [[String]?] = []
        var utf8 = Array(json.utf8)[...]
        var lastString: String?
        while let byte = utf8.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                var raw: [UInt8] = [byte]
                while let next = utf8.popFirst() {
                    raw.append(next)
                    if next == UInt8(ascii: "\\") { raw.append(utf8.popFirst()!) } else if next == UInt8(ascii: "\"") { break }
                }
                lastString = try? JSONDecoder().decode(String.self, from: Data(raw))
            case UInt8(ascii: ":"):
                if let key = lastString { open[open.count - 1]?.append(key) }
            case UInt8(ascii: "{"): open.append([])
            case UInt8(ascii: "["): open.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let keys = open.removeLast() { done.append(keys) }
            default: break
            }
            if byte != UInt8(ascii: "\"") && byte > 0x20 { if byte != UInt8(ascii: ":") { lastString = nil } }
        }
        return done
    }

    static func isSorted(_ keys: [String]) -> Bool {
        zip(keys, keys.dropFirst()).allSatisfy { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    static func file(_ object: Any) -> String { String(decoding: JSONOutput.data(object), as: UTF8.self) }

    /// What `.script` must never leave in its output.
    static func isScriptSafe(_ json: String) -> Bool {
        !json.unicodeScalars.contains { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) }
    }

    /// Text no escaping may garble.
    static let hostile: [String] = [
        "\"", "\\", "\\\"", "/", "</script>", "</SCRIPT >", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "a<b>c&d",
        "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}\u{7F}", "\r\n", "\u{2028}\u{2029}", "x\u{2028}y\u{2029}z",
        "<\u{338}", ">\u{301}", "&\u{FE0F}", "\u{37E}", "😀", "🇻🇳", "👍🏽", "e\u{301}", "\u{FEFF}", "\u{FFFE}",
        "Ủy ban nhân dân xã Đông Sơn", "Kế hoạch thực hiện dân chủ ở cơ sở", "\u{2027}\u{202A}\u{E2}",
    ]

    // MARK: JSON values round-trip

    @Test("random trees parse back to the same values, keys in code-point order, script output safe")
    func randomTrees() throws {
        var random = SeededGenerator(seed: 42)
        for round in 0..<1500 {
            let object = Self.tree(&random, depth: round % 3 == 0 ? 0 : 3)
            let top: Any = object is [Any] || object is [String: Any] ? object : [object]
            let file = Self.file(top)
            let script = ScriptJSON.encode(top)
            #expect(file.hasSuffix("\n") && !file.hasSuffix("\n\n"), "round \(round)")
            #expect(try Self.parsed(Data(file.utf8)) == Self.expected(top), "round \(round)")
            #expect(try Self.parsed(Data(script.utf8)) == Self.expected(top), "round \(round)")
            #expect(Self.isScriptSafe(script), "round \(round)")
            #expect(!script.contains("\n"), "round \(round)")
            for keys in Self.keyOrders(file) + Self.keyOrders(script) { #expect(Self.isSorted(keys), "round \(round): \(keys)") }
        }
    }

    @Test("hostile strings round-trip as values and as keys, in both styles")
    func hostileStrings() throws {
        var all = Self.hostile
        all.append(Self.hostile.joined())
        all.append(Self.hostile.joined(separator: "<"))
        for text in all {
            let object: [String: Any] = ["v": text, text: [text]]
            for json in [Self.file(object), ScriptJSON.encode(object)] {
                #expect(try Self.parsed(Data(json.utf8)) == Self.expected(object), "\(text.debugDescription)")
                // Foundation's parser agrees with JSONDecoder.
                // (It drops a U+FEFF that opens a string or follows an escape: leave that to JSONDecoder.)
                guard !text.unicodeScalars.contains("\u{FEFF}") else { continue }
                let back = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                #expect(back["v"] as? String == text)
                #expect(back[text] as? [String] == [text])
            }
            #expect(Self.isScriptSafe(ScriptJSON.encode(object)), "\(text.debugDescription)")
            #expect(!Self.file(object).contains("\\/"), "slashes are left alone")
        }
    }

    @Test("typed writing parses back to what was written")
    func typedWriting() throws {
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
                json.field("$schema", "https://x/api/records.schema.json")
                json.field("@type", title)
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
            #expect(try Self.parsed(JSONOutput.file(write)) == Self.expected(tree))
            #expect(try Self.parsed(Data(ScriptJSON.write(write).utf8)) == Self.expected(tree))
            #expect(String(decoding: JSONOutput.file(write), as: UTF8.self) == Self.file(tree), "typed and tree writing agree")
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
            #expect(joined == JSONOutput.data(items))
        }
    }

    @Test("keys sort by code point: symbols, digits, upper case, underscore, lower case, then non-ASCII")
    func keyOrder() {
        let keys = ["$schema", "-a", "1", "10", "2", "@context", "@type", "A", "Z", "_", "a", "aB", "a_b", "ab",
                    "date", "dateCreated", "date_published", "z", "é", "Đ", "😀"]
        #expect(Self.isSorted(keys))
        let written = ScriptJSON.encode(Dictionary(uniqueKeysWithValues: keys.map { ($0, 0) }))
        #expect(written == "{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}")
        for (a, b) in zip(keys, keys.dropFirst()) { #expect(JSONWriter.precedes(a, b) && !JSONWriter.precedes(b, a)) }
    }

    // MARK: The format, exactly

    @Test("pretty printing: two spaces, \"key\": value, empty containers inline, a final newline")
    func prettyExample() {
        let object: [String: Any] = ["b": [String: Any](), "a": [Any](), "c": [1, ["d": NSNull()], [Any]()], "e": true, "f": 1.5]
        #expect(Self.file(object) == """
        {
          "a": [],
          "b": {},
          "c": [
            1,
            {
              "d": null
            },
            []
          ],
          "e": true,
          "f": 1.5
        }

        """)
        #expect(Self.file([Any]()) == "[]\n")
        #expect(Self.file([String: Any]()) == "{}\n")
        #expect(String(decoding: JSONOutput.joinedArray([]), as: UTF8.self) == "[]\n")
    }

    @Test("escaping: only quote, backslash and controls; script style also markup and line separators")
    func escapeExamples() {
        let text = "\"\\/\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F} é <a href=\"x\">&</a> \u{2028}\u{2029} 😀"
        #expect(Self.file([text]) == """
        [
          "\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u{7F} é <a href=\\"x\\">&</a> \u{2028}\u{2029} 😀"
        ]

        """)
        #expect(ScriptJSON.encode(["t": text]) == """
        {"t":"\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u{7F} é \\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e \\u2028\\u2029 😀"}
        """)
        #expect(ScriptJSON.encode(["</script><!--"]) == #"["\u003c/script\u003e\u003c!--"]"#)
        #expect(ScriptJSON.encode(["<\u{338}"]) == "[\"\\u003c\u{338}\"]", "a combining mark after < changes nothing")
    }

    @Test("numbers: integers as they are, doubles in their shortest form without .0")
    func numberExamples() {
        #expect(ScriptJSON.encode([0, -1, Int.max, Int.min, 1.5, 3.0, -0.25, 0.1, 1e21, 1e-7] as [Any])
                == "[0,-1,9223372036854775807,-9223372036854775808,1.5,3,-0.25,0.1,1e+21,1e-07]")
    }

    // MARK: iCalendar

    @Test("iCalendar text: backslash, semicolon, comma and newlines escaped, on code points")
    func calendarEscaping() {
        #expect(CalendarText.escape("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng")
        #expect(CalendarText.escape(",\u{301};\u{338}") == "\\,\u{301}\\;\u{338}", "a mark after a comma leaves it a comma")
        #expect(CalendarText.escape("\u{37E}") == "\u{37E}", "GREEK QUESTION MARK is no semicolon to an iCalendar reader")
        #expect(CalendarText.escape("Đông Sơn 😀") == "Đông Sơn 😀")
        var random = SeededGenerator(seed: 5)
        for _ in 0..<3000 {
            let text = Self.text(&random)
            let escaped = CalendarText.escape(text)
            // Unescaping gives the text back, each line break as LF.
            var back = "", pending = false
            for scalar in escaped.unicodeScalars {
                if pending {
                    back.unicodeScalars.append(scalar == "n" ? "\n" : scalar)
                    pending = false
                } else if scalar == "\\" {
                    pending = true
                } else {
                    #expect(![";", ",", "\n", "\r"].contains(scalar), "\(text.debugDescription)")
                    back.unicodeScalars.append(scalar)
                }
            }
            var lines: [Unicode.Scalar] = []
            var afterCR = false
            for scalar in text.unicodeScalars {
                if !(scalar == "\n" && afterCR) { lines.append(scalar == "\r" ? "\n" : scalar) }
                afterCR = scalar == "\r"
            }
            #expect(Array(back.unicodeScalars) == lines, "\(text.debugDescription)")
        }
    }

    @Test("iCalendar folding: 75 octets a line, never inside a UTF-8 sequence, unfolding gives the line")
    func calendarFolding() {
        var random = SeededGenerator(seed: 9)
        var lines = [String(repeating: "Kế hoạch thực hiện dân chủ ở cơ sở – Đông Sơn, ", count: 12),
                     String(repeating: "😀", count: 60), String(repeating: "e\u{301}", count: 80), "short"]
        // Lines as the calendar writes them: escaped, so without CR or LF.
        for _ in 0..<3000 { lines.append("DESCRIPTION:" + CalendarText.escape(Self.text(&random, maxPieces: 60))) }
        for line in lines {
            // Split on octets: a space before a combining mark is no character of its own.
            var pieces: [[UInt8]] = [[]]
            var folded = Array(PostingCalendar.fold(line).utf8)[...]
            while let byte = folded.popFirst() {
                if byte == 0x0D, folded.starts(with: [0x0A, 0x20]) {
                    folded.removeFirst(2)
                    pieces.append([])
                } else {
                    pieces[pieces.count - 1].append(byte)
                }
            }
            #expect(Array(pieces.joined()) == Array(line.utf8), "\(line.debugDescription)")
            for (index, piece) in pieces.enumerated() {
                let room = index == 0 ? 75 : 74
                #expect(piece.count <= room, "\(line.debugDescription)")
                #expect(String(validating: piece, as: UTF8.self) != nil, "no UTF-8 sequence split")
                // A piece that is not the last is full: the next sequence would not have fit.
                if index < pieces.count - 1, let lead = pieces[index + 1].first {
                    let size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    #expect(piece.count + size > room)
                }
            }
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

    @Test("the sample site's JSON files and JSON-LD parse, keys in code-point order, script JSON safe")
    func builtSite() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        var checked = 0
        for file in site.files {
            guard let data = file.data else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if file.path.hasSuffix(".json"), file.path != SitePaths.recordsSchema {
                _ = try JSONSerialization.jsonObject(with: data)
                #expect(text.hasSuffix("\n") && !text.contains(" : "), "\(file.path)")
                for keys in Self.keyOrders(text) { #expect(Self.isSorted(keys), "\(file.path): \(keys)") }
                checked += 1
            }
            if file.path.hasSuffix(".html") {
                for marker in ["<script type=\"application/ld+json\">", "<script type=\"application/json\" id=\"congkhai-texts\">"] {
                    guard let start = text.range(of: marker), let end = text[start.upperBound...].range(of: "</script>") else { continue }
                    let json = String(text[start.upperBound..<end.lowerBound])
                    _ = try JSONSerialization.jsonObject(with: Data(json.utf8))
                    #expect(Self.isScriptSafe(json), "\(file.path)")
                    for keys in Self.keyOrders(json) { #expect(Self.isSorted(keys), "\(file.path): \(keys)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }
}
