import Yams

/// A YAML value as the loader reads it: text, a list or a mapping, each with its position.
///
/// Front matter is composed straight from libyaml's events in the same pass that checks it
/// (`YAMLSafety.compose`), instead of checking first and letting Yams parse the text again; only
/// rare texts (syntax errors, repeated keys, several documents) go through Yams for its exact
/// verdict, converted into this shape. The loader needs no more than this: content reads every
/// value as text, and "null" is a plain scalar spelt as YAML spells null.
indirect enum YAMLNode: Sendable, Equatable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// Line and column in the YAML text, from 1 (columns count Unicode scalars, as libyaml does).
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable, Equatable {
        var string: String
        /// Written without quotes or block indicators.
        var isPlain: Bool
        var mark: Mark
    }

    struct Sequence: RandomAccessCollection, Sendable, Equatable {
        var nodes: [YAMLNode]
        var mark: Mark
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    struct Mapping: RandomAccessCollection, Sendable, Equatable {
        struct Pair: Sendable, Equatable {
            var key: YAMLNode
            var value: YAMLNode
        }
        var pairs: [Pair]
        var mark: Mark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { (pairs[position].key, pairs[position].value) }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// YAML's null, as Yams reads it: a plain scalar that is empty, `~`, `null`, `Null` or `NULL`
    /// (`'null'` in quotes is text).
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.isPlain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The same value from a node Yams composed.
    init(_ node: Node) {
        let mark = Mark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .sequence(let sequence):
            self = .sequence(Sequence(nodes: sequence.map(YAMLNode.init), mark: mark))
        case .mapping(let mapping):
            self = .mapping(Mapping(pairs: mapping.map { Mapping.Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, mark: mark))
        case .alias:
            // `YAMLSafety` refuses aliases before Yams composes.
            self = .scalar(Scalar(string: "", isPlain: true, mark: mark))
        }
    }
}
