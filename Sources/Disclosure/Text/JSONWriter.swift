import Foundation

/// CongKhai's one JSON format (docs/portal.md), written from typed values straight into UTF-8
/// bytes, so the same content always gives the same bytes:
/// - object keys in Unicode code-point order: callers write them in that order (debug builds
///   assert it), so nothing is sorted at run time;
/// - `.file`: two-space indentation, `"key": value`, empty containers as `[]` and `{}`;
///   `.script`: no whitespace;
/// - strings escape only `"`, `\` and U+0000–U+001F (`\b \f \n \r \t`, else `\u00xx`); `.script`
///   also escapes `<` `>` `&` and U+2028 U+2029 as `\u003c \u003e \u0026 \u2028 \u2029`, so
///   JSON inside `<script>` can neither close the element nor open a comment;
/// - numbers: integers as decimals, doubles in Swift's shortest round-trip form without `.0`.
public struct JSONWriter {
    public enum Style: Sendable {
        /// A published `.json` file (`line` adds its final newline).
        case file
        /// JSON inside a `<script>` element.
        case script
    }

    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private let escapesMarkup: Bool
    /// Containers open around the next value.
    private var depth = 0
    /// No value yet in the innermost container: it needs no comma before the next one.
    private var isFirst = true
    /// A key was just written: the value follows it without a separator.
    private var afterKey = false
    #if DEBUG
    /// The last key of each open object, to assert the keys come sorted.
    private var lastKeys: [String?] = []
    #endif

    public init(_ style: Style, capacity: Int = 0) {
        pretty = style == .file
        escapesMarkup = style == .script
        bytes.reserveCapacity(capacity)
    }

    /// A writer for the items of a top-level array whose brackets are written elsewhere, so that
    /// chunks written apart (in parallel) join into the whole array: each item starts with its
    /// newline and indentation; join chunks with `,` inside `[` and `\n]`.
    public static func arrayItems(_ style: Style, capacity: Int = 0) -> JSONWriter {
        var writer = JSONWriter(style, capacity: capacity)
        writer.depth = 1
        #if DEBUG
        writer.lastKeys = [nil]
        #endif
        return writer
    }

    public var data: Data { Data(bytes) }

    /// The bytes and a newline, as a file ends.
    public var line: Data {
        var data = Data(capacity: bytes.count + 1)
        data.append(contentsOf: bytes)
        data.append(0x0A)
        return data
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The order keys must come in: by code point, which is UTF-8 byte order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: Containers

    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// The next member's key.
    public mutating func key(_ key: String) {
        #if DEBUG
        if let last = lastKeys[lastKeys.count - 1] {
            assert(Self.precedes(last, key), "JSON key \"\(key)\" written after \"\(last)\"")
        }
        lastKeys[lastKeys.count - 1] = key
        #endif
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ value: String) {
        beforeValue()
        writeString(value)
    }

    public mutating func int(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func double(_ value: Double) {
        precondition(value.isFinite, "JSON has no \(value)")
        beforeValue()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    // MARK: Members

    public mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func field(_ name: String, strings values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Layout

    private mutating func open() {
        depth += 1
        isFirst = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        depth -= 1
        // An empty container closes on the line it opened.
        if pretty, !isFirst {
            bytes.append(0x0A)
            indent()
        }
        bytes.append(bracket)
        // The container just closed is a value of its parent.
        isFirst = false
    }

    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    /// The comma, newline and indentation before a container's next element.
    private mutating func separate() {
        guard depth > 0 else { return }
        if isFirst {
            isFirst = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        if pretty {
            bytes.append(0x0A)
            indent()
        }
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    // MARK: Strings

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied at once.
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let length: Int
                switch byte {
                case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    length = 1
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    length = escapesMarkup ? 1 : 0
                case 0xE2:
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    let separator = escapesMarkup && index + 2 < utf8.count && utf8[index + 1] == 0x80
                        && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
                    length = separator ? 3 : 0
                default:
                    length = 0
                }
                guard length > 0 else {
                    index += 1
                    continue
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                if length == 3 {
                    bytes.append(contentsOf: (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    writeEscape(byte)
                }
                index += length
                runStart = index
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeEscape(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash: bytes.append(contentsOf: [backslash, byte])
        case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
        default:
            // `\u00xx`, lower-case hex: the other controls, and `<` `>` `&` in `.script`.
            bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]])
        }
    }
}

extension JSONWriter {
    /// Writes a tree of strings, numbers, booleans, `NSNull`, arrays and dictionaries keyed by
    /// strings, sorting the keys: for the few small trees not built on the hot path.
    public mutating func value(_ object: Any?) {
        guard let object else { return null() }
        switch object {
        case let text as String: string(text)
        case let flag as Bool: bool(flag)
        case let number as Int: int(number)
        case let number as Double: double(number)
        case is NSNull: null()
        case let array as [Any?]:
            beginArray()
            for element in array { value(element) }
            endArray()
        case let dictionary as [String: Any?]:
            beginObject()
            for (name, element) in dictionary.sorted(by: { Self.precedes($0.key, $1.key) }) {
                key(name)
                value(element)
            }
            endObject()
        default:
            preconditionFailure("not a JSON value: \(type(of: object))")
        }
    }
}
