import Foundation

/// JSON written straight into UTF-8 bytes, exactly as swift-corelibs-foundation's
/// `JSONSerialization` writes it with the options the site uses, without building `[String: Any]`
/// trees or sorting keys at run time.
///
/// What `JSONSerialization` does, and this writer copies:
/// - pretty printing indents by two spaces, writes `"key" : value`, and opens an empty array or
///   object on a line of its own: `[`, an empty line, then `]` at the container's indentation;
/// - strings escape `"` `\` and the controls U+0000–U+001F (`\b \f \n \r \t`, else `\u00xx` in
///   lower-case hex); `/` becomes `\/` unless slashes are left alone; everything else, U+007F and
///   non-ASCII included, is written as is;
/// - `sortedKeys` orders keys with `String.compare(_:options: [.numeric, .caseInsensitive,
///   .forcedOrdering], locale: NSLocale.system)`: callers write keys in that order (`"@type"`
///   before `"$schema"` before letters, `"date"` before `"date_published"` before
///   `"dateCreated"`), which debug builds assert.
struct JSONWriter {
    /// The option sets the site serialises with.
    enum Style {
        /// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`: the published `.json` files.
        case file
        /// `[.sortedKeys]`.
        case compact
        /// `.compact` with `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`: JSON inside a
        /// `<script>` element, which no value can then close or comment out. (`ScriptJSON`
        /// leaves the rare text where that escaping needs Foundation's rules to Foundation: see
        /// `needsFoundationEscaping`.)
        case script
    }

    private(set) var bytes: [UInt8] = []
    /// `.script` met a `<`, `>` or `&` whose character `replacingOccurrences` may not see as one
    /// (see `StandaloneScalars`): these bytes escaped it all the same.
    private(set) var needsFoundationEscaping = false
    private let pretty: Bool
    private let escapesSlashes: Bool
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

    init(_ style: Style, capacity: Int = 0) {
        pretty = style == .file
        escapesSlashes = style != .file
        escapesMarkup = style == .script
        bytes.reserveCapacity(capacity)
    }

    /// A writer for the items of a top-level array whose brackets are written elsewhere (see
    /// `JSONOutput.joinedArray`): the items sit at the depth they have inside the whole array.
    static func arrayItems(_ style: Style, capacity: Int = 0) -> JSONWriter {
        var writer = JSONWriter(style, capacity: capacity)
        writer.depth = 1
        #if DEBUG
        writer.lastKeys = [nil]
        #endif
        return writer
    }

    var data: Data { Data(bytes) }

    /// The bytes and a newline, as a file ends.
    var line: Data {
        var data = Data(capacity: bytes.count + 1)
        data.append(contentsOf: bytes)
        data.append(0x0A)
        return data
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open()
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    mutating func endObject() {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open()
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    mutating func endArray() {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "]"))
    }

    /// The next member's key: keys must come in `JSONSerialization`'s sorted order.
    mutating func key(_ key: String) {
        #if DEBUG
        if let last = lastKeys[lastKeys.count - 1] {
            assert(JSONKeyOrder.precedes(last, key), "JSON key \"\(key)\" written after \"\(last)\"")
        }
        lastKeys[lastKeys.count - 1] = key
        #endif
        separate()
        writeString(key)
        if pretty {
            bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
        afterKey = true
    }

    // MARK: Values

    mutating func string(_ value: String) {
        beforeValue()
        writeString(value)
    }

    mutating func int(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A finite number as `JSONSerialization` writes a `Double`: Swift's shortest form, without
    /// a trailing `.0`.
    mutating func double(_ value: Double) {
        precondition(value.isFinite, "JSON has no \(value)")
        beforeValue()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    // MARK: Members

    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, strings values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Layout

    private mutating func open() {
        if pretty { bytes.append(0x0A) }
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
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

    /// The comma and indentation before a container's next element.
    private mutating func separate() {
        guard depth > 0 else { return }
        if isFirst {
            isFirst = false
        } else {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(0x0A) }
        }
        if pretty { indent() }
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
            for index in utf8.indices {
                let byte = utf8[index]
                guard needsEscape(byte) else { continue }
                if escapesMarkup, Self.isMarkup(byte), !StandaloneScalars.nextStandsAlone(utf8, after: index) {
                    needsFoundationEscaping = true
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                writeEscape(byte)
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
    }

    @inline(__always)
    private func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"): return true
        case UInt8(ascii: "/"): return escapesSlashes
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return escapesMarkup
        default: return false
        }
    }

    private mutating func writeEscape(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash, UInt8(ascii: "/"): bytes.append(contentsOf: [backslash, byte])
        case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
        default:
            // `\u00xx`, lower-case hex: the controls, and the markup characters of `.script`.
            bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]])
        }
    }
}

/// The order `JSONSerialization` gives keys with `.sortedKeys` on swift-corelibs-foundation.
enum JSONKeyOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                  locale: NSLocale.system) == .orderedAscending
    }
}

extension JSONWriter {
    /// Writes a tree of the kinds `JSONSerialization` takes (strings, numbers, booleans, `NSNull`,
    /// arrays, dictionaries keyed by strings), sorting keys the way it does. For the few trees not
    /// built on the hot path, and for the tests that compare this writer with `JSONSerialization`.
    mutating func value(_ object: Any?) {
        guard let object else { return null() }
        switch object {
        case let text as String: string(text)
        case let flag as Bool: bool(flag)
        case let number as Int: int(number)
        case let number as any BinaryInteger:
            beforeValue()
            bytes.append(contentsOf: number.description.utf8)
        case let number as Double: double(number)
        case let number as Float:
            precondition(number.isFinite, "JSON has no \(number)")
            beforeValue()
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        case is NSNull: null()
        case let array as [Any?]:
            beginArray()
            for element in array { value(element) }
            endArray()
        case let dictionary as [String: Any?]:
            beginObject()
            for (name, element) in dictionary.sorted(by: { JSONKeyOrder.precedes($0.key, $1.key) }) {
                key(name)
                value(element)
            }
            endObject()
        default:
            preconditionFailure("not a JSON value: \(type(of: object))")
        }
    }
}
