import Foundation

/// Vietnamese text folded to plain ASCII-ish lower case, for slugs and diacritic-insensitive search.
///
/// Unicode decomposition strips tone and vowel marks, but đ/Đ are letters of their own with no
/// decomposition, so they are mapped to d by hand ("Đông Sơn" → "dong son").
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        foldedFast(text) ?? foldedByDecomposition(text)
    }

    /// The definition: canonical decomposition, combining marks dropped, each scalar lower-cased.
    static func foldedByDecomposition(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            out.append(contentsOf: foldedScalar(scalar))
        }
        return String(out)
    }

    private static func foldedScalar(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        switch scalar.value {
        case 0x0300...0x036F: return String.UnicodeScalarView() // combining marks
        case 0x0111, 0x0110: return "d".unicodeScalars
        default: return String(scalar).lowercased().unicodeScalars
        }
    }

    /// The same result by table for text made only of ASCII and precomposed Latin letters (all
    /// Vietnamese): each such scalar is a starter whose decomposition never reorders with its
    /// neighbours, so the text folds scalar by scalar. Nil for any other text.
    static func foldedFast(_ text: String) -> String? {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                out.unicodeScalars.append(Unicode.Scalar(UInt8(lower)))
            } else if let folded = LatinFolds.table.folded(value) {
                out += folded
            } else {
                return nil
            }
        }
        return out
    }

    /// Folds of U+00C0–U+024F and U+1E00–U+1EFF, each computed once by the definition.
    private struct LatinFolds: Sendable {
        static let table = LatinFolds()
        private let latin: [String]
        private let extended: [String]
        init() {
            func fold(_ value: UInt32) -> String {
                String(TextFolding.foldedByDecomposition(String(Unicode.Scalar(value)!)))
            }
            latin = (0xC0...0x24F).map(fold)
            extended = (0x1E00...0x1EFF).map(fold)
        }
        func folded(_ value: UInt32) -> String? {
            switch value {
            case 0xC0...0x24F: return latin[Int(value - 0xC0)]
            case 0x1E00...0x1EFF: return extended[Int(value - 0x1E00)]
            default: return nil
            }
        }
    }

    /// `2024-127-kh-ubnd`: folded, runs of anything but a–z/0–9 become one hyphen.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }
}
