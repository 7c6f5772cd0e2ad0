import Foundation

/// Vietnamese text folded to plain ASCII-ish lower case, for slugs and diacritic-insensitive search.
///
/// Unicode decomposition strips tone and vowel marks, but đ/Đ are letters of their own with no
/// decomposition, so they are mapped to d by hand ("Đông Sơn" → "dong son").
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue // combining marks
            case 0x0111, 0x0110: out.append("d")
            default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
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
