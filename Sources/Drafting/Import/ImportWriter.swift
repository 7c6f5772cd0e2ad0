import Foundation
import Disclosure

/// Writes imported records into a content folder, never over an existing file, and a guessed
/// `site.yml` when the folder has none. The only part of the import that touches the disk.
public enum ImportWriter {
    public struct Outcome: Sendable {
        /// Paths written, relative to the folder.
        public var written: [String] = []
        public var wroteSite = false
        public var diagnostics: [ImportDiagnostic] = []
    }

    public static func write(_ records: [ImportedRecord], into folder: URL, existingNumbers: Set<String> = []) -> Outcome {
        var outcome = Outcome()
        let fm = FileManager.default
        var numbers = existingNumbers
        for record in records {
            if let number = record.fields.number, let date = record.fields.date {
                // Numbers restart every year (Decree 30/2020 Art. 15): the same number twice in one year is an error.
                let key = "\(date.year) \(number)"
                guard numbers.insert(key).inserted else {
                    outcome.diagnostics.append(ImportDiagnostic(
                        .error, .duplicateNumber, file: record.source, line: record.lines.lowerBound,
                        "\(number) of \(date.year) is already a record in \(folder.relativePath)/; this document is not written",
                        hint: "if it is the same document, there is nothing to do; else correct its number"))
                    continue
                }
            }
            let url = folder.appendingPathComponent(record.path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try createNew(url, contents: record.text)
                outcome.written.append(record.path)
            } catch CocoaError.fileWriteFileExists {
                outcome.diagnostics.append(ImportDiagnostic(
                    .error, .fileExists, file: record.source, line: record.lines.lowerBound,
                    "\(folder.relativePath)/\(record.path) already exists; it is not overwritten",
                    hint: "move or delete the existing file to import this document again"))
            } catch {
                outcome.diagnostics.append(ImportDiagnostic(
                    .error, .unreadableFile, file: record.source, line: record.lines.lowerBound,
                    "cannot write \(folder.relativePath)/\(record.path): \(error.localizedDescription)"))
            }
        }
        let site = folder.appendingPathComponent("site.yml")
        if !outcome.written.isEmpty, !fm.fileExists(atPath: site.path) {
            if (try? createNew(site, contents: SiteGuess.yaml(from: records))) != nil { outcome.wroteSite = true }
        }
        return outcome
    }

    /// Creates the file, failing with `fileWriteFileExists` rather than replacing one.
    private static func createNew(_ url: URL, contents: String) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { throw CocoaError(.fileWriteFileExists) }
        try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
    }
}
