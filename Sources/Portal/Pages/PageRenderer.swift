import Foundation
import Mustache

/// Renders page views with the theme's templates. A view is a plain struct; the templates read its
/// fields by name (`TemplateFields`), and escape every value for HTML except the cmark output and
/// the script-safe JSON they place with `{{{ }}}`.
///
/// Templates are compiled once per renderer (`CompiledTheme`) and rendered into one byte buffer.
/// A template the fast engine does not support, or a view that is not `TemplateFields`, is
/// rendered by swift-mustache with the view in a `ViewBox`: the same bytes, only slower.
struct PageRenderer: Sendable {
    let compiled: CompiledTheme
    /// swift-mustache's library, for what the fast engine cannot render: parsed on first use (the
    /// theme was validated when it was loaded, `Theme.loading`, and most builds never need it).
    private let library: LazyLibrary
    /// Values every page of the build shares (the strings table), reflected once for swift-mustache.
    let shared: SharedBoxes?

    init(theme: Theme) {
        library = LazyLibrary(theme)
        compiled = CompiledTheme(sources: theme.templates)
        shared = nil
    }

    /// A renderer for one build whose pages all carry `strings` as `t`.
    init(theme: Theme, strings: PortalStrings) {
        library = LazyLibrary(theme)
        compiled = CompiledTheme(sources: theme.templates)
        shared = SharedBoxes([strings])
    }

    func render(_ view: Any, with template: String) throws -> Data {
        if let fields = view as? any TemplateFields, let data = compiled.render(fields, with: template) {
            return data
        }
        return try renderWithMustache(view, with: template)
    }

    /// The swift-mustache rendering: the fallback, and the reference the fast engine is tested against.
    func renderWithMustache(_ view: Any, with template: String) throws -> Data {
        guard let html = try library.value().render(ViewBox(view, shared: shared), withTemplate: template) else {
            throw ThemeError(template: template, line: 0, message: "the theme has no template named \(template)")
        }
        return Data(html.utf8)
    }
}

/// swift-mustache's library of a theme, parsed once on first use by whichever thread asks.
private final class LazyLibrary: @unchecked Sendable {
    private let theme: Theme
    private let lock = NSLock()
    private var parsed: Result<MustacheLibrary, any Error>?

    init(_ theme: Theme) { self.theme = theme }

    func value() throws -> MustacheLibrary {
        lock.lock()
        defer { lock.unlock() }
        if parsed == nil { parsed = Result { try theme.library() } }
        return try parsed!.get()
    }
}

/// A page to render: its path, its template, and how to make its view. The rendering task makes
/// the view, so the thousands of list pages of a large site are not all built up front on one core.
struct PendingPage {
    let path: String
    let template: String
    let view: () -> Any
}
