/// Scalars that are characters of their own, so that a pass over UTF-8 bytes gives what a pass
/// over characters gave: Foundation's `replacingOccurrences(of:with:)`, which the escapers once
/// chained, and `String.prefix`.
///
/// Foundation matches whole characters, not code points: `"<\u{338}"` holds no `"<"` for it (the
/// combining mark belongs to the `<`), and `"\u{37E}"` (GREEK QUESTION MARK) is a `";"` by
/// canonical equivalence. A fast escaper handles text in which every ASCII character it replaces
/// is followed by ASCII or by a letter or punctuation mark that never joins the character before
/// it (Vietnamese included, in NFC), and leaves any other text to the old way.
enum StandaloneScalars {
    /// Whether the character after `utf8[index]` starts with a scalar that cannot join it: the
    /// end, ASCII, or a Latin letter or general punctuation mark.
    static func nextStandsAlone(_ utf8: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        let next = index + 1
        guard next < utf8.count else { return true }
        let lead = utf8[next]
        if lead < 0x80 { return true }
        if lead >= 0xC2, lead <= 0xDF, next + 1 < utf8.count {
            let value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[next + 1] & 0x3F)
            return standsAlone(value)
        }
        if lead >= 0xE0, lead <= 0xEF, next + 2 < utf8.count {
            let value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[next + 1] & 0x3F) << 6 | UInt32(utf8[next + 2] & 0x3F)
            return standsAlone(value)
        }
        return false
    }

    /// Latin-1 and Latin Extended-A/B letters and signs (but the soft hyphen), Latin Extended
    /// Additional (Vietnamese letters with two marks), dashes, quotation marks and the ellipsis:
    /// each is a character of its own and joins nothing before it.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x00..<0x80: return true
        case 0xAD: return false
        case 0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027: return true
        default: return false
        }
    }

    /// `String(text.prefix(count))`: by scalars when each of the first `count` is a character of
    /// its own and so is the next one (no CR, nothing that joins), else by characters.
    static func prefix(_ text: String, characters count: Int) -> String {
        let end: Int? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var index = 0
            var scalars = 0
            while index < utf8.count {
                let byte = utf8[index]
                if scalars == count {
                    return byte < 0x80 || nextStandsAlone(utf8, after: index - 1) ? index : nil
                }
                if byte == 0x0D { return nil }
                if byte < 0x80 {
                    index += 1
                } else {
                    guard nextStandsAlone(utf8, after: index - 1) else { return nil }
                    index += byte < 0xE0 ? 2 : 3
                }
                scalars += 1
            }
            return index
        } ?? nil
        guard let end else { return String(text.prefix(count)) }
        return String(decoding: text.utf8.prefix(end), as: UTF8.self)
    }
}
