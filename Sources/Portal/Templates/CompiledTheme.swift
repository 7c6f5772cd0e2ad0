import Foundation

/// A theme's templates compiled once per build (Render stage). Every template is a partial of
/// the others; a template that does not compile stops the whole theme (`ThemeError`), since a
/// page that cannot be rendered as written must not be published some other way.
struct CompiledTheme: Sendable {
    /// The compiled templates, by name.
    let templates: [String: [TemplateNode]]
    /// `templates` flattened for rendering.
    let program: TemplateProgram

    /// Compiles every template; throws the first one, by name, that the engine refuses.
    init(sources: [String: String]) throws(ThemeError) {
        var compiled: [String: [TemplateNode]] = [:]
        for name in sources.keys.sorted() {
            do {
                compiled[name] = try TemplateParser.parse(sources[name]!)
            } catch {
                throw ThemeError(template: name, syntax: error)
            }
        }
        templates = compiled
        program = TemplateProgram(templates: compiled)
    }

    /// Renders the template `name` with `root` as the context; nil when the theme has no such template.
    func render(_ root: TemplateValue, with name: String) -> Data? {
        guard let number = program.numbers[name] else { return nil }
        var rendering = TemplateRendering(program: program)
        rendering.render(template: number, root: root)
        return Data(rendering.out)
    }

    /// Renders a view (the context's root object) with the template `name`.
    func render(_ view: any TemplateFields, with name: String) -> Data? {
        render(.object(view), with: name)
    }
}
