/// Text in which every Unicode scalar is a character of its own and already in NFC: ASCII, Latin
/// up to U+02FF, the precomposed Vietnamese letters, common punctuation, currency signs and
/// arrows (the ranges `SourceText.isSurelyNFC` accepts), without CR. In such text, normalising
/// changes nothing and searching by bytes finds what a search by characters finds, so the
/// Markdown fast paths use the standard library alone and leave other text to Foundation.
enum PlainScalarText {
    static func holds(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D: return false  // CR LF is one character of two scalars
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF:
                continue
            default:
                return false
            }
        }
        return true
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
