/// Renders compiled templates into one UTF-8 buffer, as the Mustache specification has it:
///
/// - names are looked up from the top of the context stack down (`{{.name}}`: the top only), the
///   first object that has the first part wins and the rest must be inside it;
/// - a section over a list renders once per element, over `true` once in place, over any other
///   present value (an empty string, 0) once with the value pushed; `false`, absent values and
///   empty lists render nothing (inverted sections the opposite);
/// - numbers print in decimal, booleans as `true`/`false`, objects and lists as nothing;
/// - the indentation of the standalone partials and blocks being rendered goes at each
///   `lineStart` of their templates that the output reaches at the start of a line;
/// - block overrides of an outer `{{<parent}}` win over inner ones.
struct TemplateRendering {
    private(set) var out: [UInt8] = []
    private var stack: [TemplateValue] = []
    /// The indentation of the partials and blocks being rendered, outermost first.
    private var indentation: [UInt8] = []
    /// The block overrides in force, outermost first: the first one for a block wins.
    private var overrides: [TemplateProgram.Override] = []
    private let program: TemplateProgram

    init(program: TemplateProgram, capacity: Int = 16_384) {
        self.program = program
        out.reserveCapacity(capacity)
    }

    /// Renders the template numbered `template` with `root` at the bottom of the context stack.
    mutating func render(template: Int, root: TemplateValue) {
        stack = [root]
        render(program.bodies[template])
    }

    private mutating func render(_ body: Range<Int32>) {
        var next = body.lowerBound
        while next < body.upperBound { next = run(next) }
    }

    /// Runs the instruction at `index`; returns the index of the one after it (and its bodies).
    private mutating func run(_ index: Int32) -> Int32 {
        let instruction = program.instructions[Int(index)]
        switch instruction.operation {
        case .text:
            program.bytes.withUnsafeBufferPointer { bytes in
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(instruction.a)..<Int(instruction.b)]))
            }
            return index + 1

        case .lineStart:
            // Not after a value that ended mid-line, nor after what an inline tag printed before.
            if !indentation.isEmpty, out.last == nil || out.last == 0x0A { out.append(contentsOf: indentation) }
            return index + 1

        case .escapedVariable, .rawVariable:
            guard let value = lookUp(instruction.a) else { return index + 1 }
            let escaped = instruction.operation == .escapedVariable
            switch value {
            case .text(let text):
                if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .number(let number):
                out.append(contentsOf: String(number).utf8)
            case .bool(let flag):
                out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .object:
                break
            }
            return index + 1

        case .section:
            let body = index + 1..<instruction.b
            switch lookUp(instruction.a) {
            case .list(let items)?:
                for item in items { renderPushing(item, body) }
            case .bool(let flag)?:
                if flag { render(body) }
            case let value?:
                renderPushing(value, body)
            case nil:
                break
            }
            return instruction.b

        case .invertedSection:
            let body = index + 1..<instruction.b
            let value = lookUp(instruction.a)
            switch value {
            case .list(let items)? where items.isEmpty: renderPushing(value!, body)
            case .bool(false)?, nil: render(body)
            default: break
            }
            return instruction.b

        case .block:
            let body = overrides.first { $0.block == instruction.a }?.body ?? index + 1..<instruction.b
            let mark = indentation.count
            indentation += program.indentations[Int(instruction.c)]
            render(body)
            indentation.removeSubrange(mark...)
            return instruction.b

        case .partial:
            guard instruction.a >= 0 else { return instruction.b }
            let indentationMark = indentation.count, overridesMark = overrides.count
            if instruction.c >= 0 { indentation += program.indentations[Int(instruction.c)] }
            if instruction.d >= 0 { overrides += program.overrideSets[Int(instruction.d)] }
            render(program.bodies[Int(instruction.a)])
            indentation.removeSubrange(indentationMark...)
            overrides.removeSubrange(overridesMark...)
            return instruction.b
        }
    }

    private mutating func renderPushing(_ value: TemplateValue, _ body: Range<Int32>) {
        stack.append(value)
        render(body)
        stack.removeLast()
    }

    // MARK: Names

    private func lookUp(_ index: Int32) -> TemplateValue? {
        let name = program.names[Int(index)]
        switch name.scope {
        case .current:
            return stack.last
        case .local:
            return resolve(name.parts, in: stack.last!)
        case .stack:
            guard let first = name.parts.first else { return stack.last }
            let id = program.parts[Int(first)]
            for frame in stack.reversed() {
                if let child = Self.child(id, of: frame) {
                    return resolve(name.parts.dropFirst(), in: child)
                }
            }
            return nil
        }
    }

    private func resolve(_ parts: Range<Int32>, in value: TemplateValue) -> TemplateValue? {
        var value = value
        for part in parts {
            guard let child = Self.child(program.parts[Int(part)], of: value) else { return nil }
            value = child
        }
        return value
    }

    private static func child(_ name: FieldID, of value: TemplateValue) -> TemplateValue? {
        guard case .object(let fields) = value else { return nil }
        return fields.field(name)
    }
}
