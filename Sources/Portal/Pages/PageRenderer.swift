import Foundation
import Mustache

/// Renders page views with the theme's templates. A view is a plain struct; the templates read its
/// stored properties by name, and escape every value for HTML except the cmark output and the
/// script-safe JSON they place with `{{{ }}}`. Views are handed to the engine in a `ViewBox`, which
/// finds properties by name without swift-mustache's linear Mirror search.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// Values every page of the build shares (the strings table), reflected once.
    let shared: SharedBoxes?

    init(theme: Theme) throws {
        library = try theme.library()
        shared = nil
    }

    /// A renderer for one build whose pages all carry `strings` as `t`.
    init(theme: Theme, strings: PortalStrings) throws {
        library = try theme.library()
        shared = SharedBoxes([strings])
    }

    func render(_ view: Any, with template: String) throws -> Data {
        guard let html = library.render(ViewBox(view, shared: shared), withTemplate: template) else {
            throw ThemeError(template: template, line: 0, message: "the theme has no template named \(template)")
        }
        return Data(html.utf8)
    }
}
