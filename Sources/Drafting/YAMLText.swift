import Foundation

/// Writes YAML scalars that `RecordParser` reads back exactly: strings always double-quoted,
/// so "127/KH-UBND", "16:30" or "Lưu: VT." are never read as anything but text.
enum YAMLText {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `key: "value"`, with an optional comment aligned after it.
    static func line(_ key: String, _ value: String, indent: Int = 0, comment: String? = nil) -> String {
        let text = String(repeating: " ", count: indent) + key + ": " + value
        guard let comment else { return text + "\n" }
        return text.padding(toLength: max(text.count + 1, 34), withPad: " ", startingAt: 0) + "# " + comment + "\n"
    }

    /// A block list under `key`, one quoted item a line.
    static func list(_ key: String, _ items: [String], indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        return pad + key + ":\n" + items.map { pad + "  - " + quoted($0) + "\n" }.joined()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
