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

    /// Folds of U+00C0–U+024F and U+1E00–U+1EFF, each computed once by the definition, and what
    /// each fold leaves in a slug.
    private struct LatinFolds: Sendable {
        static let table = LatinFolds()
        private let latin: [String]
        private let extended: [String]
        /// Per scalar, its fold's scalars as slug bytes: a–z or 0–9 as they are, 0 for any other
        /// scalar (which `slug` turns into a hyphen).
        private let latinSlugBytes: [[UInt8]]
        private let extendedSlugBytes: [[UInt8]]
        init() {
            func fold(_ value: UInt32) -> String {
                String(TextFolding.foldedByDecomposition(String(Unicode.Scalar(value)!)))
            }
            func slugBytes(_ folded: String) -> [UInt8] {
                folded.unicodeScalars.map { TextFolding.isSlugScalar($0) ? UInt8($0.value) : 0 }
            }
            latin = (0xC0...0x24F).map(fold)
            extended = (0x1E00...0x1EFF).map(fold)
            latinSlugBytes = latin.map(slugBytes)
            extendedSlugBytes = extended.map(slugBytes)
        }
        func folded(_ value: UInt32) -> String? {
            switch value {
            case 0xC0...0x24F: return latin[Int(value - 0xC0)]
            case 0x1E00...0x1EFF: return extended[Int(value - 0x1E00)]
            default: return nil
            }
        }
        func slugBytes(_ value: UInt32) -> [UInt8]? {
            switch value {
            case 0xC0...0x24F: return latinSlugBytes[Int(value - 0xC0)]
            case 0x1E00...0x1EFF: return extendedSlugBytes[Int(value - 0x1E00)]
            default: return nil
            }
        }
    }

    /// `2024-127-kh-ubnd`: folded, runs of anything but a–z/0–9 become one hyphen.
    public static func slug(_ text: String) -> String {
        slugFast(text) ?? slugOfFolded(fold(text))
    }

    /// The definition, on folded text.
    static func slugOfFolded(_ folded: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if isSlugScalar(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    private static func isSlugScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The same slug on the UTF-8 bytes, for text `foldedFast` folds (ASCII and precomposed Latin):
    /// such text folds scalar by scalar, so each scalar's share of the slug comes from a table.
    /// Nil for any other text.
    static func slugFast(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingHyphen = false
            func put(_ byte: UInt8) {
                if byte == 0 {
                    pendingHyphen = true
                    return
                }
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(byte)
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    put(byte)
                    i += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    put(byte + 0x20)
                    i += 1
                case 0..<0x80:
                    put(0)
                    i += 1
                case 0xC2...0xDF where i + 1 < bytes.count:
                    let value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    guard let slugBytes = LatinFolds.table.slugBytes(value) else { return nil }
                    for b in slugBytes { put(b) }
                    i += 2
                case 0xE1 where i + 2 < bytes.count:  // U+1xxx: the Latin Extended Additional block
                    let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    guard let slugBytes = LatinFolds.table.slugBytes(value) else { return nil }
                    for b in slugBytes { put(b) }
                    i += 3
                default:
                    return nil
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
