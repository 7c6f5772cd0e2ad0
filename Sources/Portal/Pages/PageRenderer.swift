import Foundation

/// Renders page views with the theme's templates. A view is a plain struct; the templates read its
/// fields by name (`TemplateFields`), and escape every value for HTML except the cmark output and
/// the script-safe JSON they place with `{{{ }}}`.
///
/// Templates are compiled once per renderer (`CompiledTheme`) and rendered into one byte buffer.
struct PageRenderer: Sendable {
    /// The compiled theme, or why it cannot be: `Theme.loading` reports a commune's broken
    /// template before any build starts, so this error is only met by themes made in code.
    private let compiled: Result<CompiledTheme, ThemeError>

    init(theme: Theme) {
        do {
            compiled = .success(try CompiledTheme(sources: theme.templates))
        } catch {
            compiled = .failure(error)
        }
    }

    func render(_ view: Any, with template: String) throws -> Data {
        let theme = try compiled.get()
        guard let fields = view as? any TemplateFields else {
            throw ThemeError(template: template, line: 0, vietnamese: "\(type(of: view)) không phải là khung nhìn của mẫu",
                             english: "\(type(of: view)) is not a template view")
        }
        guard let data = theme.render(fields, with: template) else {
            throw ThemeError(template: template, line: 0, vietnamese: "giao diện không có mẫu \(template)",
                             english: "the theme has no template named \(template)")
        }
        return data
    }
}

/// A page to render: its path, its template, and how to make its view. The rendering task makes
/// the view, so the thousands of list pages of a large site are not all built up front on one core.
struct PendingPage {
    let path: String
    let template: String
    let view: () -> Any
}
