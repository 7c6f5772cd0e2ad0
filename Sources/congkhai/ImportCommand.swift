import ArgumentParser
import Foundation
import Disclosure
import Drafting

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn the text of administrative documents (.txt, .md, .docx) into records.",
        discussion: """
        Recognises each document's number (Số: 127 /KH-UBND), date line (Đông Sơn, ngày 30 tháng 01
        năm 2024), type line (KẾ HOẠCH, BIÊN BẢN …) and title, its "Căn cứ" references, Nơi nhận,
        signature block, and stated posting periods. A file holding several documents is split.
        Every line it could not read, and every interpretation, is printed as FILE:LINE: so
        nothing is guessed silently; the same notes head each written record as comments.
        Records go to DIR/documents/YEAR/; existing files are never overwritten. When DIR has no
        site.yml, one is guessed from the documents. See docs/import.md.
        Exit status: 0 = records written, 1 = some document or file could not be imported.
        """
    )

    @Argument(help: "The files to import: .txt or .md (UTF-8) or .docx.")
    var files: [String]

    @Option(name: .long, help: "The content folder to write into (documents/…, and site.yml if missing).")
    var output: String = "Content"

    func run() throws {
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        // The folder's own site.yml and records: its issuer code, and the numbers already taken.
        let existing = ContentLoader.load(from: folder)
        let ownCodes: Set<String> = [existing.site.issuerCode]
        let taken = Set(existing.records.compactMap { r in r.number.map { "\(r.date.year) \($0)" } })

        var records: [ImportedRecord] = []
        var diagnostics: [ImportDiagnostic] = []
        for path in files {
            do {
                let text = try DocumentText.read(URL(fileURLWithPath: path))
                let result = DocumentImporter.recognise(text, file: path, ownIssuerCodes: ownCodes)
                records += result.records
                diagnostics += result.diagnostics
                if result.records.isEmpty && !result.diagnostics.contains(where: { $0.severity == .error }) {
                    diagnostics.append(ImportDiagnostic(.error, .missingType, file: path, line: 1, "no document was found in this file",
                                                        hint: "a document starts at its number (Số: …), its date line or its type line"))
                }
            } catch let failure as DocumentText.Failure {
                diagnostics.append(ImportDiagnostic(.error, .unreadableFile, file: path, line: 1, failure.message, hint: failure.hint))
            }
        }

        let outcome = ImportWriter.write(records, into: folder, existingNumbers: taken)
        diagnostics += outcome.diagnostics
        for d in diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }

        for path in outcome.written { print("wrote \(output)/\(path)") }
        if outcome.wroteSite { print("wrote \(output)/site.yml (guessed from the documents: check it)") }
        print("Imported \(outcome.written.count) of \(records.count) document\(records.count == 1 ? "" : "s") from \(files.count) file\(files.count == 1 ? "" : "s").")
        if !outcome.written.isEmpty {
            // The written records must load: say so now rather than at the next build.
            let reloaded = ContentLoader.load(from: folder)
            let errors = reloaded.diagnostics.filter { $0.severity == .error }
            for d in errors { FileHandle.standardError.write(Data("\(d.location.map { "\($0): " } ?? "")error[\(d.code.rawValue)]: \(d.message)\n".utf8)) }
            print(errors.isEmpty ? "Next: review the notes above, then run `congkhai check --content \(output)`."
                                 : "The content folder has \(errors.count) error\(errors.count == 1 ? "" : "s") (above): fix them, then run `congkhai check --content \(output)`.")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
