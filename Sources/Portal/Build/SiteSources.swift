import Foundation
import Disclosure
import Compliance

/// What a build reads besides the records: the legal calendar and policy, the theme with the
/// commune's overrides from `<content>/theme`, and the attachments — with every problem found
/// in one list, so build, publish and serve stop on the same errors and report them alike.
public struct SiteSources: Sendable {
    public let content: LoadedContent
    public let book: RuleBook
    public let theme: Theme
    /// Content-relative attachment path → the file to copy.
    public let attachments: [String: URL]
    /// The content's diagnostics, then the calendar's, the theme's and the attachments'.
    public let diagnostics: [Diagnostic]
    let themeDiagnostics: [Diagnostic]

    /// - Parameters:
    ///   - folder: the content folder `content` was loaded from.
    ///   - shown: how that folder is named in messages (`Content`).
    public init(content: LoadedContent, folder: URL, shownAs shown: String) {
        self.content = content
        book = RuleBook(content: content)
        let (theme, themeProblems) = Theme.loading(overridesIn: folder.appendingPathComponent("theme"), shownAs: shown + "/theme")
        self.theme = theme
        themeDiagnostics = themeProblems
        let located = Attachments.locate(for: content, in: folder)
        attachments = located.files
        diagnostics = content.diagnostics + book.diagnostics + themeProblems + located.diagnostics
    }

    /// The build of this content as of `asOf`.
    public func builder(asOf: Day, baseURL: String?) -> SiteBuilder {
        SiteBuilder(content: content, asOf: asOf, book: book, theme: theme, attachments: attachments, baseURL: baseURL)
    }
}
