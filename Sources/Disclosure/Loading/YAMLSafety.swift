internal import CYaml
import Foundation
import Yams

/// Checks YAML text with libyaml's event stream (iteratively, in constant stack) while composing
/// it into `YAMLNode`s:
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
        scan(yaml, limit: limit, building: false).problems
    }

    /// Checks and composes YAML in one pass over libyaml's events. The node is nil for an empty
    /// text, and also when there are diagnostics (which point into `file`, whose line `firstLine`
    /// is the YAML's line 1).
    static func compose(_ yaml: String, file: String, firstLine: Int) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        let scanned = scan(yaml, limit: 10, building: true)
        if !scanned.problems.isEmpty {
            return (nil, scanned.problems.map {
                Diagnostic(.error, $0.code, $0.message, hint: $0.hint,
                           at: SourceLocation(file: file, line: $0.line + firstLine - 1, column: $0.column))
            })
        }
        switch scanned.outcome {
        case .composed(let node):
            return (node, [])
        case .askYams:
            return composeWithYams(yaml, file: file, firstLine: firstLine)
        }
    }

    /// The text as Yams composes it, for what the one-pass composer leaves to Yams (and, in the
    /// tests, as the reference it is checked against). Only after `problems(in:)` found none.
    static func composeWithYams(_ yaml: String, file: String, firstLine: Int) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        do {
            return (try Yams.compose(yaml: yaml).map(YAMLNode.init), [])
        } catch {
            return (nil, [yamlDiagnostic(error, file: file, firstLine: firstLine)])
        }
    }

    private enum Outcome {
        case composed(YAMLNode?)
        /// A syntax error, a key given twice, a complex key or a second document: Yams' own
        /// composer says what is wrong (or right) in its words.
        case askYams
    }

    /// A list or mapping being composed.
    private struct Open {
        var isMapping: Bool
        var mark: YAMLNode.Mark
        var children: [YAMLNode] = []
        var keys: Set<String> = []
    }

    private static func scan(_ yaml: String, limit: Int, building: Bool) -> (problems: [Problem], outcome: Outcome) {
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return ([], .composed(nil)) }
        bytes.append(0)  // libyaml reads `size` bytes; the NUL only keeps the buffer non-empty
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return ([], .askYams) }
        defer { yaml_parser_delete(&parser) }
        var problems: [Problem] = []
        var outcome = Outcome.askYams
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var depth = 0
            var nodes = 0
            var aliases = 0
            // Composition stops (and Yams is asked) at the first thing it leaves to Yams.
            var building = building
            var open: [Open] = []
            var root: YAMLNode?
            var documents = 0
            func add(_ node: YAMLNode) {
                guard !open.isEmpty else { root = node; return }
                if open[open.count - 1].isMapping, open[open.count - 1].children.count % 2 == 0 {
                    // A key: a second one with the same text, or one that is not text, goes to Yams.
                    guard case .scalar(let key) = node, open[open.count - 1].keys.insert(key.string).inserted else {
                        building = false
                        return
                    }
                }
                open[open.count - 1].children.append(node)
            }
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                let mark = YAMLNode.Mark(line: line, column: column)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    if building { outcome = .composed(root) }
                    return
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { building = false }
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
                    building = false
                case YAML_SCALAR_EVENT:
                    nodes += 1
                    if building {
                        let value = UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
                        add(.scalar(YAMLNode.Scalar(string: String(decoding: value, as: UTF8.self),
                                                    isPlain: event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark)))
                    }
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
                    if building { open.append(Open(isMapping: event.type == YAML_MAPPING_START_EVENT, mark: mark)) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                    if building, let done = open.popLast() {
                        if done.isMapping {
                            var pairs: [YAMLNode.Mapping.Pair] = []
                            pairs.reserveCapacity(done.children.count / 2)
                            for i in stride(from: 0, to: done.children.count - 1, by: 2) {
                                pairs.append(YAMLNode.Mapping.Pair(key: done.children[i], value: done.children[i + 1]))
                            }
                            add(.mapping(YAMLNode.Mapping(pairs: pairs, mark: done.mark)))
                        } else {
                            add(.sequence(YAMLNode.Sequence(nodes: done.children, mark: done.mark)))
                        }
                    }
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
            // A syntax error: Yams reports it.
        }
        return (problems, outcome)
    }
}
