import Foundation
import Yams

/// Reads typed values out of a YAML node tree, turning every mismatch into a diagnostic with the
/// file line of the offending value instead of throwing. One instance per file.
struct YAMLFields {
    let file: String
    /// File line of YAML line 1.
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    func location(_ node: YAMLNode?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    mutating func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String,
                         hint: String? = nil, at node: YAMLNode?) {
        diagnostics.append(Diagnostic(severity, code, message, hint: hint, at: location(node)))
    }

    /// Splits a mapping into canonical keys. Aliases (Vietnamese keys) map to their canonical key;
    /// an unknown key is a warning with the closest known key as hint.
    mutating func fields(of node: YAMLNode, schema: KeySchema, context: String) -> [String: (key: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else {
            report(.error, .notAMapping, "\(context) must be a mapping of keys to values", at: node)
            return [:]
        }
        var result: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(.error, .wrongType, "a key in \(context) must be plain text", at: keyNode)
                continue
            }
            if let bad = key.unicodeScalars.first(where: ContentLimits.isForbiddenControl) {
                report(.error, .controlCharacter, "the key “\(Diagnostic.excerpt(key))” in \(context) contains the invisible control character \(ContentLimits.name(bad))",
                       hint: "retype the key; it was probably pasted with hidden characters", at: keyNode)
                continue
            }
            guard let canonical = schema.canonical(key) else {
                let suggestion = schema.closest(to: key)
                report(.warning, .unknownKey, "unknown key “\(Diagnostic.excerpt(key))” in \(context); it is ignored",
                       hint: suggestion.map { "did you mean `\($0)`?" }, at: keyNode)
                continue
            }
            if result[canonical] != nil {
                report(.error, .duplicateKey, "“\(key)” gives `\(canonical)` a second time in \(context)", at: keyNode)
                continue
            }
            result[canonical] = (keyNode, value)
        }
        return result
    }

    mutating func string(_ node: YAMLNode?, _ name: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.error, .wrongType, "`\(name)` must be text, not a list or mapping", at: node)
            return nil
        }
        if node.isNull { return nil }
        let text = Whitespace.spacesAndNewlines.trim(scalar.string)
        if let bad = text.unicodeScalars.first(where: ContentLimits.isForbiddenControl) {
            report(.error, .controlCharacter, "`\(name)` contains the invisible control character \(ContentLimits.name(bad)): “\(Diagnostic.excerpt(text))”",
                   hint: "retype the value; pasted text sometimes carries hidden characters", at: node)
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func int(_ node: YAMLNode?, _ name: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(.error, .wrongType, "`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound), found “\(Diagnostic.excerpt(text))”", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLNode?, _ name: String) -> Bool? {
        guard let text = string(node, name) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "có", "co": return true
        case "false", "no", "không", "khong": return false
        default:
            report(.error, .wrongType, "`\(name)` must be true or false, found “\(Diagnostic.excerpt(text))”", at: node)
            return nil
        }
    }

    mutating func day(_ node: YAMLNode?, _ name: String) -> Day? {
        guard let text = string(node, name) else { return nil }
        guard let day = DayParsing.parse(text) else {
            let why = DayParsing.explain(text).map { " (\($0))" } ?? ""
            report(.error, .invalidDate, "`\(name)`: “\(Diagnostic.excerpt(text))” is not a date\(why)",
                   hint: "write it as \(DayParsing.acceptedForms)", at: node)
            return nil
        }
        guard ContentLimits.years.contains(day.year) else {
            report(.error, .invalidDate, "`\(name)`: the year \(day.year) is outside the years a record may carry (\(ContentLimits.years.lowerBound)–\(ContentLimits.years.upperBound))",
                   hint: "check the year for a typing mistake", at: node)
            return nil
        }
        return day
    }

    /// A list of text; a single text is accepted as a list of one.
    mutating func strings(_ node: YAMLNode?, _ name: String) -> [String] {
        guard let node else { return [] }
        switch node {
        case .sequence(let sequence):
            return sequence.compactMap { string($0, name) }
        case .scalar:
            return string(node, name).map { [$0] } ?? []
        default:
            report(.error, .wrongType, "`\(name)` must be a list", at: node)
            return []
        }
    }

    /// A sequence of nodes, or nothing with a diagnostic.
    mutating func sequence(_ node: YAMLNode?, _ name: String) -> [YAMLNode] {
        guard let node else { return [] }
        if node.isNull { return [] }
        guard case .sequence(let sequence) = node else {
            report(.error, .wrongType, "`\(name)` must be a list", at: node)
            return []
        }
        return Array(sequence)
    }

    /// Flattens a mapping of private data to text, never interpreting it.
    mutating func opaqueMapping(_ node: YAMLNode?, _ name: String) -> [String: String] {
        guard let node, !node.isNull else { return [:] }
        guard case .mapping(let mapping) = node else {
            report(.error, .wrongType, "`\(name)` must be a mapping (key: value)", at: node)
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in mapping {
            out[k.scalar?.string ?? "?"] = YAMLFields.flatText(v)
        }
        return out
    }

    static func flatText(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let s): return s.map(flatText).joined(separator: "; ")
        case .mapping(let m): return m.map { "\($0.key.scalar?.string ?? "?"): \(flatText($0.value))" }.joined(separator: "; ")
        }
    }
}

/// The keys a mapping accepts: canonical names and their aliases (Vietnamese or alternative spellings).
struct KeySchema {
    private let aliases: [String: String]

    init(_ keys: [String: [String]]) {
        var map: [String: String] = [:]
        for (canonical, alternatives) in keys {
            map[canonical] = canonical
            for alias in alternatives { map[alias] = canonical }
        }
        aliases = map
    }

    func canonical(_ key: String) -> String? {
        aliases[key] ?? aliases[key.lowercased().replacingOccurrences(of: "-", with: "_")]
    }

    func closest(to key: String) -> String? {
        // Keys are short; a long one is no typo of them (and edit distance is quadratic).
        guard key.unicodeScalars.count <= 40 else { return nil }
        let folded = TextFolding.fold(key)
        var best: (key: String, distance: Int)?
        for candidate in aliases.keys.sorted() {
            let distance = editDistance(TextFolding.fold(candidate), folded)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return aliases[best.key]
    }
}
