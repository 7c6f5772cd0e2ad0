internal import CYaml
import Foundation
import Yams

/// Checks YAML text with libyaml's event stream (iteratively, in constant stack) before Yams
/// composes it into nodes:
///
/// - aliases (`*name`) are refused. Yams' composer hands back the anchored node for every alias,
///   so nine lines of anchors can describe a tree of a billion values ("billion laughs"); hashing
///   such a key inside Yams, or walking such a value, would never finish. Content has no use for
///   them, and the hint says to write the value out.
/// - nesting deeper than `ContentLimits.maxYAMLDepth`, and more than `ContentLimits.maxYAMLNodes`
///   values, are refused: composing is recursive, and each value costs memory.
///
/// Syntax errors are left to the composer, which reports them with its own words.
public enum YAMLSafety {
    public struct Problem: Sendable, Equatable {
        public var code: DiagnosticCode
        /// Line and column in the YAML text, from 1.
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String?
    }

    /// The problems that make the text unsafe to compose; empty when it is safe.
    /// At most `limit` aliases are listed.
    public static func problems(in yaml: String, limit: Int = 10) -> [Problem] {
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return [] }
        bytes.append(0)  // libyaml reads `size` bytes; the NUL only keeps the buffer non-empty
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var problems: [Problem] = []
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var depth = 0
            var nodes = 0
            var aliases = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_ALIAS_EVENT:
                    aliases += 1
                    if aliases <= limit {
                        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                        problems.append(Problem(
                            code: .yamlAlias, line: line, column: column,
                            message: "the YAML alias `*\(Diagnostic.excerpt(name, limit: 40))` is not allowed in content",
                            hint: "write the value out in full instead of `&name` … `*name`"))
                    }
                    nodes += 1
                case YAML_SCALAR_EVENT:
                    nodes += 1
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    nodes += 1
                    depth += 1
                    if depth > ContentLimits.maxYAMLDepth {
                        problems.append(Problem(
                            code: .tooDeep, line: line, column: column,
                            message: "the YAML nests lists and mappings more than \(ContentLimits.maxYAMLDepth) levels deep",
                            hint: "content needs a few levels at most; check the indentation and the brackets"))
                        return
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if nodes > ContentLimits.maxYAMLNodes {
                    problems.append(Problem(
                        code: .tooLarge, line: line, column: column,
                        message: "the YAML holds more than \(ContentLimits.maxYAMLNodes) values",
                        hint: "a record's front matter needs a few dozen; long text belongs in the body"))
                    return
                }
            }
        }
        return problems
    }

    /// Composes YAML into nodes after `problems(in:)` found none. The node is nil for an empty text,
    /// and also when there are diagnostics (which point into `file`, whose line `firstLine` is the
    /// YAML's line 1).
    public static func compose(_ yaml: String, file: String, firstLine: Int) -> (node: Node?, diagnostics: [Diagnostic]) {
        let problems = problems(in: yaml)
        if !problems.isEmpty {
            return (nil, problems.map {
                Diagnostic(.error, $0.code, $0.message, hint: $0.hint,
                           at: SourceLocation(file: file, line: $0.line + firstLine - 1, column: $0.column))
            })
        }
        do {
            return (try Yams.compose(yaml: yaml), [])
        } catch {
            return (nil, [yamlDiagnostic(error, file: file, firstLine: firstLine)])
        }
    }
}
