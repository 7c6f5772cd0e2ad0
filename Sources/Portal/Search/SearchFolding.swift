import Foundation
import Disclosure

/// `TextFolding.fold`, the same output, fast enough for every record's whole text.
///
/// `fold` decomposes the text (NFD), drops the combining marks U+0300–U+036F, maps đ/Đ to d and
/// lowercases each remaining character on its own. Decomposition works character by character
/// except for the reordering of combining marks; when every combining mark involved is one of the
/// dropped ones, that reordering cannot show in the output, and the text folds character by
/// character. So each character's folded form is computed once, with `TextFolding.fold` itself,
/// and remembered; a text with any other combining mark is folded the slow, exact way.
struct SearchFolding {
    /// nil: the character brings a combining mark that is kept (fold the whole text instead).
    /// The folded forms are UTF-8: appending to a `String.UnicodeScalarView` copied the whole text.
    private var folded: [Unicode.Scalar: [UInt8]?] = [:]

    mutating func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            let form: [UInt8]?
            if let known = folded[scalar] {
                form = known
            } else {
                form = Self.foldAlone(scalar)
                folded[scalar] = .some(form)
            }
            guard let form else { return TextFolding.fold(text) }
            out.append(contentsOf: form)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func foldAlone(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        for part in decomposed where part.properties.canonicalCombiningClass != .notReordered {
            guard (0x0300...0x036F).contains(part.value) else { return nil }
        }
        return Array(TextFolding.fold(String(scalar)).utf8)
    }
}
