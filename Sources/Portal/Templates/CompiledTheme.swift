import Foundation

/// A theme's templates compiled once per build for the fast engine.
///
/// A template the fast engine cannot render (see `TemplateParser.Unsupported`), and every
/// template that includes it as a partial or inherits from it, is left out: `PageRenderer`
/// renders those with swift-mustache, so a commune's custom theme never breaks.
struct CompiledTheme: Sendable {
    /// The templates the fast engine renders, by name; every partial they reach is here too
    /// (or missing from the theme altogether, which renders nothing in both engines).
    let templates: [String: [TemplateNode]]
    /// The templates left to swift-mustache, with the reason.
    let unsupported: [String: String]
    /// `templates` flattened for rendering.
    let program: TemplateProgram

    init(sources: [String: String]) {
        var compiled: [String: [TemplateNode]] = [:]
        var unsupported: [String: String] = [:]
        for (name, text) in sources {
            do {
                compiled[name] = try TemplateParser.parse(text)
            } catch {
                unsupported[name] = "\(error)"
            }
        }
        // Drop templates that reach a dropped one, until none does.
        var changed = true
        while changed {
            changed = false
            for (name, nodes) in compiled {
                if let missing = Self.partials(in: nodes).first(where: { sources[$0] != nil && compiled[$0] == nil }) {
                    compiled[name] = nil
                    unsupported[name] = "uses \(missing)"
                    changed = true
                }
            }
        }
        templates = compiled
        self.unsupported = unsupported
        program = TemplateProgram(templates: compiled)
    }

    /// Renders `view` with the template `name`; nil when the fast engine does not have it.
    func render(_ view: any TemplateFields, with name: String) -> Data? {
        guard let number = program.numbers[name] else { return nil }
        var rendering = TemplateRendering(program: program)
        rendering.render(template: number, view: view)
        return Data(rendering.out)
    }

    /// The names of the partials and parents `nodes` include.
    static func partials(in nodes: [TemplateNode]) -> Set<String> {
        var names = Set<String>()
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(_, _, let body), .blockDefinition(_, let body), .blockExpansion(_, let body, _): visit(body)
                case .partial(let name, _, let overrides):
                    names.insert(name)
                    for body in (overrides ?? [:]).values { visit(body) }
                }
            }
        }
        visit(nodes)
        return names
    }
}
