/// Trimming as Foundation's `trimmingCharacters(in: .whitespaces)` and
/// `(in: .whitespacesAndNewlines)` trim, in Swift: those go through `NSString` and UTF-16 on
/// every field of every record. The sets are Foundation's, scalar for scalar (LoadingReferenceTests
/// compares them on every scalar): Unicode's space separators (Zs), tab and, as Core Foundation
/// has it, U+200B ZERO WIDTH SPACE; with newlines, also
/// line feed to carriage return, U+0085 and the line and paragraph separators.
enum Whitespace {
    case spaces
    case spacesAndNewlines

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return self == .spacesAndNewlines
        default: return false
        }
    }

    /// The text without the white space at either end. Text that starts and ends with a visible
    /// ASCII character, nearly every field, is returned as it is.
    func trim(_ text: String) -> String {
        isSurelyUntrimmed(text.utf8) ? text : trimmed(Substring(text))
    }

    func trim(_ text: Substring) -> String {
        isSurelyUntrimmed(text.utf8) ? String(text) : trimmed(text)
    }

    private func isSurelyUntrimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }

    private func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !contains($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !contains($0) })!
        return String(scalars[start...end])
    }
}
