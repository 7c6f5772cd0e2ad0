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
        let normalized = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n") : text
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return .failure(.missing)
        }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return t == "---" || t == "..."
        }) else { return .failure(.unclosed) }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 3))
    }
}
