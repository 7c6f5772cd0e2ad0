/// Text in which every Unicode scalar is a character of its own and already in NFC: ASCII, Latin
/// up to U+02FF, the precomposed Vietnamese letters, common punctuation, currency signs and
/// arrows (the ranges `SourceText.isSurelyNFC` accepts), without CR. In such text, normalising
/// changes nothing and searching by bytes finds what a search by characters finds, so the
/// Markdown fast paths use the standard library alone and leave other text to Foundation.
enum PlainScalarText {
    static func holds(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard let width = plainScalarLength(bytes, at: i) else { return false }
                i += width
            }
            return true
        }
    }

    /// The UTF-8 length of the scalar at `bytes[i]` (a scalar boundary of valid UTF-8) when that
    /// scalar is plain, else nil.
    static func plainScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let byte = bytes[i]
        switch byte {
        case 0x0D: return nil  // CR LF is one character of two scalars
        case 0..<0x80: return 1
        case 0xC2...0xCB: return 2  // U+0080–U+02FF
        case 0xE1, 0xE2:
            guard i + 2 < bytes.count else { return nil }
            let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            switch value {
            case 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF: return 3
            default: return nil
            }
        default:
            return nil
        }
    }

    static func contains(_ text: String, _ word: String) -> Bool {
        range(of: word, in: text, from: text.startIndex) != nil
    }

    /// The first occurrence of `word` at or after `from` (a character boundary), by UTF-8 bytes.
    static func range(of word: String, in text: String, from: String.Index) -> Range<String.Index>? {
        let haystack = text.utf8, needle = Array(word.utf8)
        guard let first = needle.first else { return nil }
        var index = from
        while let found = haystack[index...].firstIndex(of: first) {
            var end = found
            var matched = true
            for byte in needle {
                guard end < haystack.endIndex, haystack[end] == byte else { matched = false; break }
                end = haystack.index(after: end)
            }
            if matched { return found..<end }
            index = haystack.index(after: found)
        }
        return nil
    }
}
