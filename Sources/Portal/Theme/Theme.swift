import Foundation
import Mustache
import Disclosure

/// The templates and assets a site is rendered with: the default theme built into the binary
/// (`DefaultTheme.generated.swift`, from `Theme/Default/`), with any file of the same path in the
/// content's `theme/` folder laid over it (docs/theme.md). The binary never looks for its own
/// theme on disk, so it works when copied anywhere.
public struct Theme: Sendable {
    /// Template sources by name: `record` for `templates/record.mustache`.
    public private(set) var templates: [String: String]
    /// Asset bytes by path under `assets/`: `site.css`.
    public private(set) var assets: [String: Data]
    /// The files taken from the content's theme folder, for the build summary.
    public private(set) var overridden: [String]

    public static let `default` = Theme(files: DefaultTheme.files.mapValues { Data($0.utf8) })

    init(files: [String: Data]) {
        templates = [:]
        assets = [:]
        overridden = []
        for (path, data) in files { add(path, data) }
    }

    private mutating func add(_ path: String, _ data: Data) {
        if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
            templates[String(path.dropFirst("templates/".count).dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        } else if path.hasPrefix("assets/") {
            assets[String(path.dropFirst("assets/".count))] = data
        }
    }

    /// The default theme with `folder`'s `templates/*.mustache` and `assets/**` laid over it.
    /// A missing folder is no theme override; a template that does not parse is an error.
    /// `validating: false` skips that check, for a theme known to be the one a build validated.
    public static func loading(overridesIn folder: URL, shownAs shown: String, validating: Bool = true) -> (Theme, [Diagnostic]) {
        var theme = Theme.default
        var diagnostics: [Diagnostic] = []
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return (theme, [])
        }
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(String(full.dropFirst(base.count + 1)))
        }
        for path in paths.sorted() {
            let location = SourceLocation(file: shown + "/" + path, line: 1)
            guard path.hasPrefix("templates/") && path.hasSuffix(".mustache") || path.hasPrefix("assets/") else {
                diagnostics.append(Diagnostic(.warning, .unknownKey, "theme file \(path) is not used",
                                              hint: "theme files go in templates/ (*.mustache) or assets/", at: location))
                continue
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                diagnostics.append(Diagnostic(.error, .unreadableFile, "cannot read theme file \(path)", at: location))
                continue
            }
            theme.add(path, data)
            theme.overridden.append(path)
        }
        if validating, let problem = theme.templateProblem(shownAs: shown) { diagnostics.append(problem) }
        return (theme, diagnostics)
    }

    /// The templates compiled into a library in which each is a partial of the others.
    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            do {
                try library.register(templates[name]!, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ThemeError(template: name, line: error.context.lineNumber,
                                 message: "\(error.error) near “\(error.context.line.trimmingCharacters(in: .whitespaces))”")
            }
        }
        return library
    }

    private func templateProblem(shownAs shown: String) -> Diagnostic? {
        do {
            _ = try library()
            return nil
        } catch let error as ThemeError {
            return Diagnostic(.error, .unreadableFile, "template \(error.template) cannot be read: \(error.message)",
                              hint: "fix the template or delete it to use the default one",
                              at: SourceLocation(file: "\(shown)/templates/\(error.template).mustache", line: error.line))
        } catch {
            return Diagnostic(.error, .unreadableFile, "the theme cannot be read: \(error)", at: nil)
        }
    }
}

/// A template of the theme that does not parse, or that a page needs and the theme lacks.
struct ThemeError: Error, CustomStringConvertible {
    let template: String
    let line: Int
    let message: String
    var description: String { "templates/\(template).mustache:\(line): \(message)" }
}
