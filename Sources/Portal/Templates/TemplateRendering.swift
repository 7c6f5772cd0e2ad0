/// Renders compiled templates into one UTF-8 buffer, with swift-mustache 2.1.1's semantics:
///
/// - names are looked up from the top of the context stack down (`{{.name}}`: the top only), the
///   first object that has the first part wins and the rest must be inside it;
/// - a section over a list renders once per element, over `true` once in place, over any other
///   present value (an empty string, 0) once with the value pushed; `false`, absent values and
///   empty lists render nothing (inverted sections the opposite, an empty list pushed);
/// - numbers and booleans print as Swift prints them; an object prints as `Portal.ViewBox` and a
///   list as Swift prints an array, which is what swift-mustache printed for the boxed views;
/// - a standalone partial's or block's indentation goes before every token that starts a line
///   of its output except the first (swift-mustache indents per token, not per line);
/// - block overrides of an outer `{{<parent}}` win over inner ones.
struct TemplateRendering {
    private(set) var out: [UInt8] = []
    private var stack: [TemplateValue] = []
    private let templates: [String: [TemplateNode]]

    init(templates: [String: [TemplateNode]], capacity: Int = 16_384) {
        self.templates = templates
        out.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode], view: any TemplateFields) {
        stack = [.object(view)]
        render(nodes, indentation: nil, overrides: nil)
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: String?, overrides: [String: [TemplateNode]]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation, overrides: overrides) }
            return
        }
        let start = out.count
        for node in nodes {
            // Indent a token that starts a new line of this template's output, if it prints anything.
            if endsWithLineFeed(since: start) {
                let mark = out.count
                out.append(contentsOf: indentation.utf8)
                let afterIndent = out.count
                render(node, indentation: indentation, overrides: overrides)
                if out.count == afterIndent { out.removeSubrange(mark...) }
            } else {
                render(node, indentation: indentation, overrides: overrides)
            }
        }
    }

    /// Whether the output since `start` ends with the character "\n" ("\r\n" is another character).
    private func endsWithLineFeed(since start: Int) -> Bool {
        let count = out.count
        guard count > start, out[count - 1] == 0x0A else { return false }
        return count - 2 < start || out[count - 2] != 0x0D
    }

    private mutating func render(_ node: TemplateNode, indentation: String?, overrides: [String: [TemplateNode]]?) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = lookUp(name) else { return }
            switch value {
            case .text(let text):
                if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .number(let number):
                out.append(contentsOf: String(number).utf8)
            case .bool(let flag):
                out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .object:
                let text = Self.printed(value)
                if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            }

        case .section(let name, let inverted, let body):
            let value = lookUp(name)
            if inverted {
                switch value {
                case .list(let items) where items.isEmpty: renderPushing(value!, body, indentation, overrides)
                case .bool(false), nil: render(body, indentation: indentation, overrides: overrides)
                default: break
                }
            } else {
                switch value {
                case .list(let items):
                    for item in items { renderPushing(item, body, indentation, overrides) }
                case .bool(let flag):
                    if flag { render(body, indentation: indentation, overrides: overrides) }
                case let value?:
                    renderPushing(value, body, indentation, overrides)
                case nil:
                    break
                }
            }

        case .blockExpansion(let name, let defaultBody, let indented):
            let body = overrides?[name] ?? defaultBody
            render(body, indentation: (indentation ?? "") + indented, overrides: overrides)

        case .partial(let name, let indented, let inheriting):
            guard let partial = templates[name] else { return }
            let inner = indented.map { (indentation ?? "") + $0 } ?? indentation
            var merged = overrides
            if let inheriting {
                merged = overrides.map { $0.merging(inheriting) { outer, _ in outer } } ?? inheriting
            }
            render(partial, indentation: inner, overrides: merged)

        case .blockDefinition:
            break  // only ever inside `{{<parent}}`, collected as overrides by the parser
        }
    }

    private mutating func renderPushing(_ value: TemplateValue, _ body: [TemplateNode], _ indentation: String?,
                                        _ overrides: [String: [TemplateNode]]?) {
        stack.append(value)
        render(body, indentation: indentation, overrides: overrides)
        stack.removeLast()
    }

    // MARK: Names

    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        switch name.scope {
        case .current:
            return stack.last
        case .local:
            return Self.resolve(name.parts[...], in: stack.last!)
        case .stack:
            guard let first = name.parts.first else { return stack.last }
            for frame in stack.reversed() {
                if let child = Self.child(first, of: frame) {
                    return Self.resolve(name.parts.dropFirst(), in: child)
                }
            }
            return nil
        }
    }

    private static func resolve(_ parts: ArraySlice<String>, in value: TemplateValue) -> TemplateValue? {
        var value = value
        for part in parts {
            guard let child = child(part, of: value) else { return nil }
            value = child
        }
        return value
    }

    private static func child(_ name: String, of value: TemplateValue) -> TemplateValue? {
        guard case .object(let fields) = value else { return nil }
        return fields.field(name)
    }

    // MARK: Printing objects and lists

    /// What swift-mustache printed for a boxed view (`Portal.ViewBox`) or an array of boxed values
    /// (Swift's array description: elements as `debugPrint` shows them).
    static func printed(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .object: "Portal.ViewBox"
        case .list(let items): "[" + items.map(debugPrinted).joined(separator: ", ") + "]"
        }
    }

    private static func debugPrinted(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): text.debugDescription
        default: printed(value)
        }
    }
}
