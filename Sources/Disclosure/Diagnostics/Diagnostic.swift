/// How serious a diagnostic is. Errors make content unreadable (exit 2) or non-compliant (exit 1).
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case error, warning, info

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A place in a content file. `file` is relative to the content folder; line and column count from 1.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in the content, as a value: the loader collects all of them in one pass.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var hint: String?
    public var location: SourceLocation?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String,
                hint: String? = nil, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }
}

/// Stable identifiers of loader diagnostics: tools and tests match on these, never on messages.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    case unreadableFile = "unreadable-file"
    case notUTF8 = "not-utf8"
    case missingFrontMatter = "missing-front-matter"
    case unclosedFrontMatter = "unclosed-front-matter"
    case malformedYAML = "malformed-yaml"
    case notAMapping = "not-a-mapping"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case invalidDate = "invalid-date"
    case invalidTime = "invalid-time"
    case invalidNumber = "invalid-number"
    case numberSpacing = "number-spacing"
    case unknownTypeCode = "unknown-type-code"
    case typeMismatch = "type-mismatch"
    case invalidCategory = "invalid-category"
    case postingConflict = "posting-conflict"
    case invalidPosting = "invalid-posting"
    case duplicateNumber = "duplicate-number"
    case duplicateID = "duplicate-id"
    case unresolvedReference = "unresolved-reference"
    case unresolvedSubject = "unresolved-subject"
    case invalidAttachment = "invalid-attachment"
    case missingAttachment = "missing-attachment"
    case invalidSite = "invalid-site"
    case invalidHolidays = "invalid-holidays"
    case noRecords = "no-records"
    /// A file, its front matter or its YAML is larger than `ContentLimits` allows.
    case tooLarge = "too-large"
    /// YAML nested deeper than `ContentLimits.maxYAMLDepth`.
    case tooDeep = "too-deep"
    /// A YAML alias (`*name`): refused, so no value can expand to a huge size ("billion laughs").
    case yamlAlias = "yaml-alias"
    /// An invisible control character (NUL, escape, bidi override …) in a value or the body.
    case controlCharacter = "control-character"
    /// Raw HTML in a body: the portal never publishes it (cmark's safe mode omits it).
    case rawHTML = "raw-html"
    /// A link or image whose target the portal will not publish (`javascript:`, `data:` …).
    case unsafeLink = "unsafe-link"
    /// A symbolic link that leads out of the content folder, or a file that is not a regular file.
    case outsideContent = "outside-content"
}

extension Diagnostic {
    /// Content text as a diagnostic quotes it: control and bidi characters made visible (`\u{1B}`),
    /// long text cut to `limit` characters, so a hostile value can neither flood nor drive the terminal.
    public static func excerpt(_ text: String, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for character in text {
            if count == limit { out += "…"; break }
            count += 1
            if character.unicodeScalars.contains(where: { ContentLimits.isForbiddenControl($0) || $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
                out += character.unicodeScalars.map { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
