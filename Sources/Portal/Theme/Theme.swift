import Foundation
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
    /// A missing folder is no theme override; a template that does not parse, or that uses a
    /// tag the engine does not render, is an error.
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
            let bytes: [UInt8]
            switch ContentFile.bytes(at: folder.appendingPathComponent(path).path, limit: ContentLimits.maxFileBytes) {
            case .success(let read): bytes = read
            case .failure(let failure):
                diagnostics.append(Diagnostic(.error, .unreadableFile, "cannot read theme file \(path): \(failure.message)", hint: failure.hint, at: location))
                continue
            }
            theme.add(path, Data(bytes))
            theme.overridden.append(path)
        }
        if validating { diagnostics += theme.templateProblems(shownAs: shown) }
        return (theme, diagnostics)
    }

    /// One error for each template the engine refuses, at the line of the tag.
    private func templateProblems(shownAs shown: String) -> [Diagnostic] {
        templates.keys.sorted().compactMap { name -> Diagnostic? in
            do throws(TemplateSyntaxError) {
                _ = try TemplateParser.parse(templates[name]!)
                return nil
            } catch {
                let hint = error.isUnsupported
                    ? "viết lại bằng các thẻ được hỗ trợ (docs/theme.md) hoặc xoá tệp để dùng mẫu mặc định"
                        + " (rewrite it with the supported tags, docs/theme.md, or delete the file to use the default one)"
                    : "sửa mẫu hoặc xoá tệp để dùng mẫu mặc định (fix the template or delete it to use the default one)"
                return Diagnostic(.error, .unreadableFile, ThemeError(template: name, syntax: error).message, hint: hint,
                                  at: SourceLocation(file: "\(shown)/templates/\(name).mustache", line: error.line))
            }
        }
    }
}

/// A template of the theme that the engine refuses, or that a page needs and the theme lacks.
struct ThemeError: Error, CustomStringConvertible {
    let template: String
    let line: Int
    let vietnamese: String
    let english: String

    init(template: String, line: Int, vietnamese: String, english: String) {
        self.template = template
        self.line = line
        self.vietnamese = vietnamese
        self.english = english
    }

    init(template: String, syntax error: TemplateSyntaxError) {
        self.init(template: template, line: error.line,
                  vietnamese: "mẫu \(template) không dùng được: \(error.vietnamese)",
                  english: "template \(template) cannot be used: \(error.english)")
    }

    /// Vietnamese first, then English, as the other diagnostics.
    var message: String { "\(vietnamese) (\(english))" }
    var description: String { "templates/\(template).mustache:\(line): \(message)" }
}
