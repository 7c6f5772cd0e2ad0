/// The bounds the loader puts on content, so that no file — mistaken or malicious — can make a
/// build crash, hang or exhaust memory. Anything over a bound is refused with a diagnostic that
/// names the file, the line and the limit (SECURITY.md lists them).
public enum ContentLimits {
    /// A record file, `site.yml` or `holidays.yml`: 10 MB. The longest real record (a regulation
    /// of 24 articles) is about 60 KB; 10 MB leaves room for pasted annexes, and a 50 MB file is
    /// refused before it is read.
    public static let maxFileBytes = 10 * 1024 * 1024
    /// `ledger.jsonl`: 64 MB. A line is about 1 KB plus 150 bytes a notice posted; a commune
    /// publishing daily for 20 years with 10 notices up writes under 20 MB.
    public static let maxLedgerBytes = 64 * 1024 * 1024
    /// Front matter: 1 MB (a 100 KB title still fits). Long text belongs in the body.
    public static let maxFrontMatterBytes = 1024 * 1024
    /// Values (scalars, lists and mappings) in one YAML text.
    public static let maxYAMLNodes = 100_000
    /// Nesting of lists and mappings in one YAML text. Real front matter nests 4 deep
    /// (comments → comment → private → value).
    public static let maxYAMLDepth = 32
    /// An explicit `id:` becomes a folder name on the portal.
    public static let maxIDLength = 100
    /// A document number such as `05/2024/QĐ-UBND`; real ones are under 30 characters.
    public static let maxNumberLength = 64
    /// Years a record's dates may carry: from the founding of the Democratic Republic (1945, the
    /// first year a commune document number can carry) to 2100. Outside them a date is almost
    /// surely a typing mistake (2204 for 2024), and calendars need not be computed for it.
    public static let years = 1945...2100

    /// Characters that have no business in a title, a name or a body: C0 controls other than tab,
    /// line feed and carriage return, DEL, C1 controls, and the bidirectional embedding, override and
    /// isolate controls (which can make text display differently from what it says).
    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first forbidden control character in a text, with its line (1-based, counted in the text).
    static func firstForbiddenControl(in text: String) -> (scalar: Unicode.Scalar, line: Int)? {
        // Every forbidden character is a C0 byte, DEL, C2 80–9F (C1 controls) or E2 80 AA–AE /
        // E2 81 A6–A9 (the bidirectional controls): text without them, nearly all, costs one pass.
        var copy = text
        let suspect = copy.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while true {
                i = ByteClasses.table.firstIndex(in: bytes, from: i, matching: ByteClasses.forbiddenControlLead)
                guard i < n else { return false }
                let byte = bytes[i]
                if byte < 0x80 { return true }  // a C0 control or DEL
                if byte == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { return true }
                if byte == 0xE2, i + 2 < n {
                    let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) { return true }
                }
                i += 1
            }
        }
        guard suspect else { return nil }
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 } else if isForbiddenControl(scalar) { return (scalar, line) }
        }
        return nil
    }

    /// `U+202E`
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
