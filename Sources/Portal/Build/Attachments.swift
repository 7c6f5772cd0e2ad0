import Foundation
import Disclosure

/// Finds the files that published records attach, inside the content folder. A missing file, or
/// one that resolves outside the folder (through a symbolic link), is an error: the build stops
/// rather than publish a page with a dead link.
public enum Attachments {
    /// Content-relative path → file, and the problems found.
    public static func locate(for content: LoadedContent, in folder: URL) -> (files: [String: URL], diagnostics: [Diagnostic]) {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [String: URL] = [:]
        var diagnostics: [Diagnostic] = []
        for record in content.records where record.isPublished {
            for path in record.attachments where files[path] == nil {
                let url = folder.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                if !url.path.hasPrefix(root + "/") {
                    diagnostics.append(Diagnostic(.error, .invalidAttachment, "attachment “\(path)” leads outside the content folder",
                                                  hint: "copy the file into the content folder", at: SourceLocation(file: record.file, line: 1)))
                } else if !exists || isDirectory.boolValue {
                    diagnostics.append(Diagnostic(.error, .missingAttachment, "attachment “\(path)” is not a file in the content folder",
                                                  hint: "put the file at \(path) inside the content folder, or remove it from `attachments`",
                                                  at: SourceLocation(file: record.file, line: 1)))
                } else {
                    files[path] = url
                }
            }
        }
        return (files, diagnostics)
    }
}
