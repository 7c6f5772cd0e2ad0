/// HTML escaping of interpolated values: `<`, `>`, `&`, `"` and `'` become `&lt;`, `&gt;`,
/// `&amp;`, `&quot;` and `&#39;`. The work is on UTF-8 bytes, so every quote is escaped, even one
/// that a combining mark follows (a grapheme-by-grapheme escape would let that one through).
enum HTMLEscaping {
    static func append(_ text: String, to out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ appendBytes($0, to: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendBytes($0, to: &out) }
        }
    }

    /// The escaped text as a string.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte <= 0x3E, let entity = entity(byte) else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(contentsOf: entity)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    private static func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func append(contentsOf text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
