/// A theme's compiled templates flattened into one array of plain instructions (Render stage).
///
/// `TemplateNode` trees hold arrays and strings: walking them copied every node's payload, with
/// a retain and a release for each, on every page. Here a body is a range of instructions, text
/// is a range of one byte buffer, a name is a range of `FieldID`s and a partial is the number of
/// its template, so `TemplateRendering` walks indices and touches no reference counts.
struct TemplateProgram: Sendable {
    struct Instruction: Sendable {
        enum Operation: UInt8, Sendable {
            /// `bytes[a..<b]`.
            case text
            /// The indentation in force, if the output is at the start of a line.
            case lineStart
            /// The value of `names[a]`, escaped or not.
            case escapedVariable, rawVariable
            /// The section of `names[a]` over the body `next..<b`.
            case section, invertedSection
            /// The block numbered `a`, with the default body `next..<b`, indented by `indentations[c]`.
            case block
            /// The template numbered `a` (-1: not in the theme), indented by `indentations[c]` (-1:
            /// not standalone), with the overrides `overrideSets[d]` (-1: none) whose bodies run up to `b`.
            case partial
        }

        var operation: Operation
        var a: Int32
        var b: Int32 = 0
        var c: Int32 = -1
        var d: Int32 = -1
    }

    /// A tag's name: where its scope starts the search, and its parts in `parts`.
    struct Name: Sendable {
        let scope: TemplateName.Scope
        let parts: Range<Int32>
    }

    /// A block a child template overrides: the block's number and its body.
    struct Override: Sendable {
        let block: Int32
        let body: Range<Int32>
    }

    private(set) var instructions: [Instruction] = []
    private(set) var bytes: [UInt8] = []
    private(set) var names: [Name] = []
    private(set) var parts: [FieldID] = []
    private(set) var indentations: [[UInt8]] = []
    private(set) var overrideSets: [[Override]] = []
    /// Every template's body, by number.
    private(set) var bodies: [Range<Int32>] = []
    /// Template name → number.
    private(set) var numbers: [String: Int] = [:]
    private var blockNumbers: [String: Int32] = [:]

    init(templates: [String: [TemplateNode]]) {
        let sorted = templates.keys.sorted()
        for (number, name) in sorted.enumerated() { numbers[name] = number }
        for name in sorted {
            let start = Int32(instructions.count)
            emit(templates[name]!)
            bodies.append(start..<Int32(instructions.count))
        }
    }

    private mutating func emit(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                let start = Int32(bytes.count)
                bytes.append(contentsOf: text)
                instructions.append(Instruction(operation: .text, a: start, b: Int32(bytes.count)))

            case .lineStart:
                instructions.append(Instruction(operation: .lineStart, a: 0))

            case .variable(let name, let escaped):
                instructions.append(Instruction(operation: escaped ? .escapedVariable : .rawVariable, a: add(name)))

            case .section(let name, let inverted, let body):
                let at = instructions.count
                instructions.append(Instruction(operation: inverted ? .invertedSection : .section, a: add(name)))
                emit(body)
                instructions[at].b = Int32(instructions.count)

            case .blockDefinition:
                break  // only ever inside `{{<parent}}`, collected as overrides by the parser; prints nothing

            case .blockExpansion(let name, let defaultBody, let indentation):
                let at = instructions.count
                instructions.append(Instruction(operation: .block, a: block(name), c: add(indentation)))
                emit(defaultBody)
                instructions[at].b = Int32(instructions.count)

            case .partial(let name, let indentation, let overrides):
                let at = instructions.count
                let indentationIndex = indentation.map { add($0) } ?? -1
                instructions.append(Instruction(operation: .partial, a: Int32(numbers[name] ?? -1), c: indentationIndex))
                if let overrides {
                    var set: [Override] = []
                    for (name, body) in overrides {
                        let start = Int32(instructions.count)
                        emit(body)
                        set.append(Override(block: block(name), body: start..<Int32(instructions.count)))
                    }
                    instructions[at].d = Int32(overrideSets.count)
                    overrideSets.append(set)
                }
                instructions[at].b = Int32(instructions.count)
            }
        }
    }

    private mutating func add(_ name: TemplateName) -> Int32 {
        let start = Int32(parts.count)
        parts += name.parts.map(FieldID.init)
        names.append(Name(scope: name.scope, parts: start..<Int32(parts.count)))
        return Int32(names.count - 1)
    }

    private mutating func add(_ indentation: String) -> Int32 {
        indentations.append(Array(indentation.utf8))
        return Int32(indentations.count - 1)
    }

    private mutating func block(_ name: String) -> Int32 {
        if let number = blockNumbers[name] { return number }
        let number = Int32(blockNumbers.count)
        blockNumbers[name] = number
        return number
    }
}
