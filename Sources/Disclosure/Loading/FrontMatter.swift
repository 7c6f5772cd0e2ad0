import Foundation

/// Splits a record file into its YAML front matter and Markdown body.
///
/// The file must start with a line `---`; the front matter ends at the next line that is `---`
/// or `...`. Line numbers are kept so diagnostics point into the file, not into the YAML.
public struct FrontMatter: Sendable, Equatable {
    public var yaml: String
    /// File line of the first YAML line (2 when the file starts with `---`).
    public var yamlLine: Int
    public var body: String
    /// File line of the first body line.
    public var bodyLine: Int

    public enum Failure: Error, Equatable, Sendable {
        /// The file does not start with `---`.
        case missing
        /// `---` opens at line 1 but never closes.
        case unclosed
    }

    /// `text` is already decoded, without a BOM; CRLF and CR line ends are accepted.
    public static func split(_ text: String) -> Result<FrontMatter, Failure> {
        let normalized = containsCR(text) ? text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n") : text
        // Lines are found on the UTF-8 bytes: splitting the whole text into `Substring` lines and
        // joining them again cost more than parsing the YAML.
        let bytes = normalized.utf8
        var lineStart = bytes.startIndex
        func nextLine() -> (line: Substring.UTF8View, next: String.Index?) {
            if let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                return (Substring(normalized)[lineStart..<newline].utf8, bytes.index(after: newline))
            }
            return (Substring(normalized)[lineStart...].utf8, nil)
        }
        let (first, afterFirst) = nextLine()
        guard isMarker(first, "---") else { return .failure(.missing) }
        guard let yamlStart = afterFirst else { return .failure(.unclosed) }
        lineStart = yamlStart
        var lineNumber = 2
        while true {
            let (line, next) = nextLine()
            if isMarker(line, "---") || isMarker(line, "...") {
                // The YAML ends before the newline that ends its last line (none when it is empty).
                let yamlEnd = lineStart == yamlStart ? yamlStart : bytes.index(before: lineStart)
                let yaml = String(Substring(normalized)[yamlStart..<yamlEnd])
                let body = next.map { String(Substring(normalized)[$0...]) } ?? ""
                return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: lineNumber + 1))
            }
            guard let next else { return .failure(.unclosed) }
            lineStart = next
            lineNumber += 1
        }
    }

    /// The line is `marker`, give or take white space around it (Foundation's `.whitespaces`, as
    /// `trimmingCharacters` would strip), decided without copying the line.
    private static func isMarker(_ line: Substring.UTF8View, _ marker: String) -> Bool {
        guard let head = line.first, head == marker.utf8.first! || head == 0x20 || head == 0x09 || head >= 0x80 else {
            return false
        }
        // ASCII white space is decided on the bytes; the rare line with other bytes around the
        // marker asks Foundation which of its characters are white space.
        var bytes = line[...]
        while let byte = bytes.first, byte == 0x20 || byte == 0x09 { bytes = bytes.dropFirst() }
        if !bytes.contains(where: { $0 >= 0x80 }) {
            guard bytes.starts(with: marker.utf8) else { return false }
            return bytes.dropFirst(marker.utf8.count).allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        let spaces = CharacterSet.whitespaces
        var scalars = Substring(line).unicodeScalars.drop { spaces.contains($0) }
        for expected in marker.unicodeScalars {
            guard scalars.first == expected else { return false }
            scalars = scalars.dropFirst()
        }
        return scalars.allSatisfy { spaces.contains($0) }
    }

    /// memchr over the bytes: `utf8.contains` walks a whole record byte by byte through the
    /// generic collection, and this runs on every record.
    private static func containsCR(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x0D, bytes.count) != nil
        }
    }
}
