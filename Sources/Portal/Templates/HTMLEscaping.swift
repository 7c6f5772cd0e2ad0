/// HTML escaping exactly as swift-mustache 2.1.1 does it (`String.htmlEscape`): `<`, `>`, `&`,
/// `"` and `'` become `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`.
///
/// swift-mustache compares whole characters (grapheme clusters), so a `"` that a combining mark
/// joins (`"\u{301}`) is not escaped. The fast path works on bytes and is exact whenever the
/// bytes next to each special byte are ASCII (an ASCII neighbour never joins a cluster); any
/// other string is escaped character by character, as swift-mustache does.
enum HTMLEscaping {
    static func append(_ text: String, to out: inout [UInt8]) {
        let done = text.utf8.withContiguousStorageIfAvailable { appendBytes($0, to: &out) }
        if done != true { appendByCharacter(text, to: &out) }
    }

    /// The escaped text as a string (tests, and the fallback's reference).
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let mark = out.count
        var runStart = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte <= 0x3E, let entity = entity(byte) else { continue }
            if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) {
                out.removeSubrange(mark...)
                return false
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(contentsOf: entity)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        return true
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

    private static let byCharacter: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    private static func appendByCharacter(_ text: String, to out: inout [UInt8]) {
        for character in text {
            if let replacement = byCharacter[character] {
                out.append(contentsOf: replacement.utf8)
            } else {
                out.append(contentsOf: character.utf8)
            }
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func append(contentsOf text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
