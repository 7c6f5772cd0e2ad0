/// One piece of a compiled template (Render stage): what `TemplateParser` makes of a tag or of
/// the text between tags; `TemplateProgram` flattens the trees for `TemplateRendering`.
enum TemplateNode: Sendable {
    /// Text printed as it is, already UTF-8.
    case text([UInt8])
    /// Where a line of the template's source starts: the indentation of the standalone partials
    /// and blocks being rendered goes here, if the output is at the start of a line.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, inverted: Bool, [TemplateNode])
    /// `{{$name}}…{{/name}}` inside `{{<parent}}…{{/parent}}`: overrides the parent's block.
    case blockDefinition(String, [TemplateNode])
    /// `{{$name}}default{{/name}}` in a template: the override if a child gave one, else the
    /// default, with every line indented by `indentation`.
    case blockExpansion(String, default: [TemplateNode], indentation: String)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides, with every line of
    /// the included template indented by `indentation` (nil: inline, not indented).
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
}

/// A name as a tag spells it, split once at compile time.
struct TemplateName: Sendable, Equatable {
    enum Scope: Sendable, Equatable {
        /// `{{.}}`: the current object itself.
        case current
        /// `{{.a.b}}`: looked up in the current object only.
        case local
        /// `{{a.b}}`: `a` looked up from the top of the context stack down, the rest inside it.
        case stack
    }

    let scope: Scope
    let parts: [String]

    /// `"."` alone is the current object; a leading dot stops the climb up the stack; the parts
    /// are split at dots, empty ones dropped.
    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        if name == "." {
            scope = .current
        } else if name.first == "." {
            scope = .local
        } else {
            scope = .stack
        }
    }
}
