import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything read from a content folder: the site settings, the records that could be read, and
/// every problem found on the way, in one pass.
public struct LoadedContent: Sendable {
    public var site: SiteConfig
    public var records: [Record]
    public var diagnostics: [Diagnostic]
    /// `holidays.yml` text, for the calendar to read (it owns that format).
    public var holidays: SourceFile?
    /// `ledger.jsonl`, the publication ledger (Compliance reads it). Its text is the file's exact
    /// bytes, not normalised: the ledger's hash chain is computed over them.
    public var ledger: SourceFile?

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

/// One record file parsed on its own, before other records are known (ids that clash, links).
public struct ParsedRecordFile: Sendable {
    /// As messages show it: `Content/documents/2024/127-kh-ubnd.md`.
    public var path: String
    public var parsed: RecordParser.Parsed?
    /// In reading order, like a compiler's.
    public var diagnostics: [Diagnostic]
}

/// Told about each record file as the loader reads and parses it, on any core: a caller that
/// remembers loads between runs (the build's cache) learns what it needs without reading twice.
public protocol LoadObserver: Sendable {
    /// Just before the record file at `path` (absolute) is read; `shown` is how messages name it.
    func willRead(_ path: String, shownAs shown: String)
    /// Once the file is parsed on its own.
    func parsed(_ file: ParsedRecordFile)
}

/// Loads `Content/`: `site.yml`, `holidays.yml` and every `*.md` under `documents/`.
public enum ContentLoader {
    /// Reads the folder from disk, then hands the texts to `assemble`. Without `readingRecords`,
    /// only the settings, the calendar and the ledger are read (records come from elsewhere).
    public static func load(from folder: URL, readingRecords: Bool = true, observer: (any LoadObserver)? = nil) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadedContent(site: SiteConfig(), records: [], diagnostics: [
                Diagnostic(.error, .unreadableFile, "the content folder \(folder.path) does not exist",
                           hint: "run from the folder that holds Content/, or pass --content PATH", at: nil)], holidays: nil)
        }
        // Paths in diagnostics start with the folder as the user named it ("Content/documents/…").
        let shown = shownPath("", in: folder)
        // A folder that cannot be listed must not pass for an empty one: its portal would replace
        // the real one.
        if case .failure(let problem) = DirectoryEntries.list(folder.path) {
            return LoadedContent(site: SiteConfig(), records: [], diagnostics: [
                unreadableFolder(folder.path, problem)], holidays: nil)
        }
        // Every file read must lie inside the content folder once symbolic links are followed.
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let folderPath = folder.path
        // A file's text, or nil with the reason in `problems` (pure per file, so it runs on all cores).
        // `walkedRegular`: a regular file the walk found under a `documents/` that lies inside the
        // folder. The walk never enters linked folders, so such a file is inside too, and the
        // existence check and the resolving of its path (a system call per component) are skipped.
        func read(_ relative: String, walkedRegular: Bool = false, problems diagnostics: inout [Diagnostic]) -> SourceFile? {
            let shownPath = shown + relative
            if walkedRegular {
                let path = folderPath + "/" + relative
                observer?.willRead(path, shownAs: shownPath)
                return decode(path: path, shown: shownPath, problems: &diagnostics)
            }
            let fm = FileManager.default
            let url = folder.appendingPathComponent(relative)
            let relative = shownPath
            var info = stat()
            if stat(url.path, &info) != 0, errno != ENOENT, errno != ENOTDIR {
                decodeFailure(SourceText.problem(.from(errno: errno)), shown: relative, problems: &diagnostics)
                return nil
            }
            guard fm.fileExists(atPath: url.path) else {
                if (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil {
                    diagnostics.append(Diagnostic(.error, .unreadableFile, "this is a symbolic link to a file that does not exist",
                                                  hint: "replace the link with the file itself", at: SourceLocation(file: relative, line: 1)))
                }
                return nil
            }
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(root + "/") else {
                diagnostics.append(Diagnostic(.error, .outsideContent,
                                              "this is a symbolic link to \(Diagnostic.excerpt(resolved)), outside the content folder; it is not read",
                                              hint: "copy the file into the content folder instead of linking to it",
                                              at: SourceLocation(file: relative, line: 1)))
                return nil
            }
            // The link's target, checked inside above, is opened itself: `ContentFile` follows no link.
            return decode(path: resolved, shown: relative, problems: &diagnostics)
        }
        func decode(path: String, shown: String, problems diagnostics: inout [Diagnostic]) -> SourceFile? {
            switch SourceText.decode(path: path) {
            case .success(let text): return SourceFile(path: shown, text: text)
            case .failure(let problem):
                decodeFailure(problem, shown: shown, problems: &diagnostics)
                return nil
            }
        }
        func decodeFailure(_ problem: SourceText.Problem, shown: String, problems diagnostics: inout [Diagnostic]) {
            diagnostics.append(Diagnostic(.error, problem.code, problem.message, hint: problem.hint,
                                          at: SourceLocation(file: shown, line: problem.line)))
        }
        let site = read("site.yml", problems: &diagnostics)
        let holidays = read("holidays.yml", problems: &diagnostics)
        var documents: [SourceFile] = []
        let documentsFolder = folder.appendingPathComponent("documents")
        let (found, skipped, unreadable) = readingRecords ? markdownFiles(in: documentsFolder) : ([], [], [])
        for (relative, problem) in unreadable {
            diagnostics.append(unreadableFolder(shown + "documents" + (relative.isEmpty ? "" : "/" + relative), problem))
        }
        let documentsInside = documentsFolder.resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(root + "/")
        for linked in skipped {
            let relative = "documents/" + linked
            diagnostics.append(Diagnostic(.warning, .outsideContent, "the folder is a symbolic link; it is not followed, and the records in it are not read",
                                          hint: "move the records into the content folder instead of linking to them",
                                          at: SourceLocation(file: shown + relative, line: 1)))
        }
        let reads = Parallel.map(found, chunk: 8) { file -> (SourceFile?, [Diagnostic]) in
            var problems: [Diagnostic] = []
            let file = read("documents/" + file.path, walkedRegular: documentsInside && file.isRegular, problems: &problems)
            return (file, problems)
        }
        for (file, problems) in reads {
            diagnostics += problems
            if let file { documents.append(file) }
        }
        var content = assemble(site: site, documents: documents, observer: observer)
        content.diagnostics.insert(contentsOf: diagnostics, at: 0)
        content.holidays = holidays
        // The publication ledger, byte for byte: its hash chain covers the exact bytes (docs/ledger.md).
        // A link, a pipe or a file over its limit is refused: the ledger is published in the site
        // and appended to by `publish`, so a link to /etc/shadow would be both.
        switch ContentFile.bytes(at: folder.appendingPathComponent("ledger.jsonl").path, limit: ContentLimits.maxLedgerBytes) {
        case .success(let bytes):
            content.ledger = SourceFile(path: shown + "ledger.jsonl", text: String(decoding: bytes, as: UTF8.self))
        case .failure(.missing): break
        case .failure(let failure):
            let problem: SourceText.Problem = {
                if case .tooLarge(let bytes) = failure {
                    return SourceText.Problem(code: .tooLarge, message: "the ledger is \(SourceText.megabytes(bytes)); the limit is \(SourceText.megabytes(ContentLimits.maxLedgerBytes))",
                                              hint: "this is not a ledger congkhai wrote; restore it from the published copy (so-cai/ledger.jsonl)", line: 1)
                }
                return SourceText.problem(failure)
            }()
            content.diagnostics.insert(Diagnostic(.error, problem.code, problem.message, hint: problem.hint,
                                                  at: SourceLocation(file: shown + "ledger.jsonl", line: 1)), at: 0)
        }
        return content
    }

    /// A folder of the content that exists but cannot be listed.
    static func unreadableFolder(_ shown: String, _ problem: DirectoryEntries.Unreadable) -> Diagnostic {
        let failure = ContentFile.Failure.from(errno: problem.errno)
        let message = failure == .permissionDenied ? "không có quyền đọc / permission denied: the folder cannot be read"
                                                   : "không đọc được thư mục / the folder cannot be read: \(String(cString: strerror(problem.errno)))"
        return Diagnostic(.error, .unreadableFile, message, hint: "check its permissions (the user running congkhai must be able to list it)",
                          at: SourceLocation(file: shown, line: 1))
    }

    /// A path inside the content folder as messages show it: starting with the folder as the user
    /// named it ("Content/documents/…"); `shownPath("", in:)` is that start, with its slash.
    public static func shownPath(_ relative: String, in folder: URL) -> String {
        let shown = folder.relativePath.hasSuffix("/") ? String(folder.relativePath.dropLast()) : folder.relativePath
        return shown.isEmpty || shown == "." ? relative : shown + "/" + relative
    }

    /// The record files (`documents/…`, sorted, relative to the content folder) when every one is
    /// a regular file reached without a link; nil otherwise, for `load` to check and report.
    public static func plainDocumentPaths(in folder: URL) -> [String]? {
        let (found, skipped, unreadable) = markdownFiles(in: folder.appendingPathComponent("documents"))
        guard skipped.isEmpty, unreadable.isEmpty, found.allSatisfy(\.isRegular) else { return nil }
        return found.map { "documents/" + $0.path }
    }

    /// Paths of `*.md` files under a folder, relative to it, sorted so output never depends on
    /// directory order.
    static func markdownFiles(under folder: URL) -> [String] {
        markdownFiles(in: folder).files.map(\.path)
    }

    /// A `*.md` file the walk found: a regular file, or anything else (a link, a pipe) that `read`
    /// must check before reading.
    struct FoundFile: Equatable {
        var path: String
        var isRegular: Bool
    }

    /// Walks the folder without recursion and without following symbolic links to folders (a link
    /// to `..` would loop forever): the `*.md` files (regular files or links to files, which
    /// `read` then checks) and the linked folders it skipped. Hidden files and folders are
    /// skipped. Entry types come from `readdir` (`lstat` only where the file system does not
    /// say), not from a `FileManager` attribute dictionary per entry.
    /// Folders that exist but cannot be listed come back in `unreadable` (relative, "" for the
    /// folder itself), never as empty; a missing folder is simply empty.
    static func markdownFiles(in folder: URL) -> (files: [FoundFile], skippedLinks: [String], unreadable: [(path: String, problem: DirectoryEntries.Unreadable)]) {
        let base = folder.path
        var files: [FoundFile] = []
        var skipped: [String] = []
        var unreadable: [(path: String, problem: DirectoryEntries.Unreadable)] = []
        var pending: [String] = [""]
        var visited = 0
        while let relative = pending.popLast() {
            visited += 1
            if visited > 100_000 { break }  // a pathological tree; what was found so far is read
            let directory = relative.isEmpty ? base : base + "/" + relative
            let entries: [(name: String, kind: DirectoryEntries.Kind)]
            switch DirectoryEntries.list(directory) {
            case .success(let listed): entries = listed
            case .failure(let problem):
                if problem.errno != ENOENT && problem.errno != ENOTDIR { unreadable.append((relative, problem)) }
                continue
            }
            for (name, type) in entries where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch type {
                case .directory:
                    pending.append(path)
                case .symbolicLink:
                    var info = stat()
                    if stat(base + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                        skipped.append(path)
                    } else if isMarkdownName(name) {
                        files.append(FoundFile(path: path, isRegular: false))
                    }
                case .regular, .other:
                    if isMarkdownName(name) { files.append(FoundFile(path: path, isRegular: type == .regular)) }
                }
            }
        }
        files.sort { $0.path < $1.path }
        unreadable.sort { $0.path < $1.path }
        return (files, skipped.sorted(), unreadable)
    }

    /// `name.lowercased().hasSuffix(".md")`, decided on the bytes for an ASCII name (nearly all
    /// are): there, characters are bytes.
    static func isMarkdownName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return name.lowercased().hasSuffix(".md") }
        guard bytes.count >= 3 else { return false }
        var tail = bytes.suffix(3).makeIterator()
        return tail.next() == UInt8(ascii: ".") && tail.next()! | 0x20 == UInt8(ascii: "m") && tail.next()! | 0x20 == UInt8(ascii: "d")
    }

    /// The pure part: texts in, records and diagnostics out.
    public static func assemble(site siteFile: SourceFile?, documents: [SourceFile], observer: (any LoadObserver)? = nil) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var site = SiteConfig()
        if let siteFile {
            let (parsed, problems) = SiteParser.parse(text: siteFile.text, file: siteFile.path)
            site = parsed
            diagnostics += problems
        }
        // Files parse independently, on all cores; results are taken in file order.
        var results = Parallel.map(documents, chunk: 8) { file -> ParsedRecordFile in
            let result = parse(file, site: site)
            observer?.parsed(result)
            return result
        }
        var parsed: [RecordParser.Parsed] = []
        parsed.reserveCapacity(results.count)
        // Records are moved out of the results, not copied: a copy retains every field of 10,000
        // records on one core, and releasing the originals costs as much again.
        for index in results.indices {
            diagnostics += results[index].diagnostics
            if let record = results[index].parsed.take() { parsed.append(record) }
        }
        if documents.isEmpty {
            diagnostics.append(Diagnostic(.warning, .noRecords, "there are no records under documents/",
                                          hint: "add Markdown files with front matter, e.g. documents/2024/127-kh-ubnd.md", at: nil))
        }
        var records = RecordIdentity.assignIDs(&parsed, diagnostics: &diagnostics)
        RecordLinks.resolve(&records, site: site, diagnostics: &diagnostics)
        // Regulation outlines come with each record from `RecordParser`, read in the same walk of
        // the body as its warnings.
        return LoadedContent(site: site, records: records, diagnostics: diagnostics, holidays: nil)
    }

    static func parse(_ file: SourceFile, site: SiteConfig) -> ParsedRecordFile {
        if file.text.utf8.count > ContentLimits.maxFileBytes {
            let problem = SourceText.tooLarge(bytes: file.text.utf8.count)
            return ParsedRecordFile(path: file.path, parsed: nil,
                                    diagnostics: [Diagnostic(.error, problem.code, problem.message, hint: problem.hint,
                                                             at: SourceLocation(file: file.path, line: 1))])
        }
        let (parsed, problems) = RecordParser.parse(text: file.text, file: file.path, site: site)
        return ParsedRecordFile(path: file.path, parsed: parsed,
                                diagnostics: problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) })
    }

    /// One record file read and parsed on its own, as `load` would (`relative` to the content
    /// folder); nil when it cannot be read.
    public static func parseRecordFile(_ relative: String, in folder: URL, site: SiteConfig) -> ParsedRecordFile? {
        guard case .success(let text) = SourceText.decode(path: folder.path + "/" + relative) else { return nil }
        return parse(SourceFile(path: shownPath(relative, in: folder), text: text), site: site)
    }
}
