import Foundation
import Mustache

/// Renders page views with the theme's templates. A view is a plain struct; the templates read its
/// stored properties by name (swift-mustache reflects them), and escape every value for HTML
/// except the cmark output and the script-safe JSON they place with `{{{ }}}`.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init(theme: Theme) throws {
        library = try theme.library()
    }

    func render(_ view: Any, with template: String) throws -> Data {
        guard let html = library.render(view, withTemplate: template) else {
            throw ThemeError(template: template, line: 0, message: "the theme has no template named \(template)")
        }
        return Data(html.utf8)
    }
}
