import Foundation

/// Everything read from a content folder: the site settings, the records that could be read, and
/// every problem found on the way, in one pass.
public struct LoadedContent: Sendable {
    public var site: SiteConfig
    public var records: [Record]
    public var diagnostics: [Diagnostic]
    /// `holidays.yml` text, for the calendar to read (it owns that format).
    public var holidays: SourceFile?

    /// True when the content cannot be used at all (exit code 2).
    public var isUnreadable: Bool { diagnostics.hasErrors }

    public func record(_ id: RecordID) -> Record? { records.first { $0.id == id } }
}

/// A file's path (relative to the content folder) and its text.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Loads `Content/`: `site.yml`, `holidays.yml` and every `*.md` under `documents/`.
public enum ContentLoader {
    /// Reads the folder from disk, then hands the texts to `assemble`.
    public static func load(from folder: URL) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadedContent(site: SiteConfig(), records: [], diagnostics: [
                Diagnostic(.error, .unreadableFile, "the content folder \(folder.path) does not exist",
                           hint: "run from the folder that holds Content/, or pass --content PATH", at: nil)], holidays: nil)
        }
        // Paths in diagnostics start with the folder as the user named it ("Content/documents/…").
        let shown = folder.relativePath.hasSuffix("/") ? String(folder.relativePath.dropLast()) : folder.relativePath
        func read(_ relative: String) -> SourceFile? {
            let url = folder.appendingPathComponent(relative)
            let relative = shown.isEmpty || shown == "." ? relative : shown + "/" + relative
            guard fm.fileExists(atPath: url.path) else { return nil }
            switch SourceText.decode(contentsOf: url) {
            case .success(let text): return SourceFile(path: relative, text: text)
            case .failure(let problem):
                diagnostics.append(Diagnostic(.error, problem.code, problem.message, hint: problem.hint,
                                              at: SourceLocation(file: relative, line: problem.line)))
                return nil
            }
        }
        let site = read("site.yml")
        let holidays = read("holidays.yml")
        var documents: [SourceFile] = []
        let documentsFolder = folder.appendingPathComponent("documents")
        for relative in markdownFiles(under: documentsFolder) {
            if let file = read("documents/" + relative) { documents.append(file) }
        }
        var content = assemble(site: site, documents: documents)
        content.diagnostics.insert(contentsOf: diagnostics, at: 0)
        content.holidays = holidays
        return content
    }

    /// Paths of `*.md` files under a folder, relative to it, sorted so output never depends on
    /// directory order.
    static func markdownFiles(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(String(full.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    /// The pure part: texts in, records and diagnostics out.
    public static func assemble(site siteFile: SourceFile?, documents: [SourceFile]) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var site = SiteConfig()
        if let siteFile {
            let (parsed, problems) = SiteParser.parse(text: siteFile.text, file: siteFile.path)
            site = parsed
            diagnostics += problems
        }
        var parsed: [RecordParser.Parsed] = []
        for file in documents {
            let (record, problems) = RecordParser.parse(text: file.text, file: file.path, site: site)
            // Within a file, report in reading order, like a compiler.
            diagnostics += problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
            if let record { parsed.append(record) }
        }
        if documents.isEmpty {
            diagnostics.append(Diagnostic(.warning, .noRecords, "there are no records under documents/",
                                          hint: "add Markdown files with front matter, e.g. documents/2024/127-kh-ubnd.md", at: nil))
        }
        var records = RecordIdentity.assignIDs(&parsed, diagnostics: &diagnostics)
        RecordLinks.resolve(&records, site: site, diagnostics: &diagnostics)
        for index in records.indices where records[index].type.isRegulation {
            let document = MarkdownDocument(records[index].body)
            let headings = document.headings.map { (text: $0.text, line: $0.line) }
            records[index].outline = RegulationOutline(headings: headings)
        }
        return LoadedContent(site: site, records: records, diagnostics: diagnostics, holidays: nil)
    }
}
