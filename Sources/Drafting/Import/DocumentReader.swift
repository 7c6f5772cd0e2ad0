import Foundation
import Disclosure

/// Reads the plain text of Vietnamese administrative documents into records.
public enum DocumentImporter {
    /// Every document in `text`, in order. `file` names the source in diagnostics; numbers whose
    /// issuer code is in `ownIssuerCodes` are cited as the commune's own records.
    public static func recognise(_ text: String, file: String, ownIssuerCodes: Set<String> = ["UBND"]) -> ImportResult {
        var reader = DocumentReader(file: file, lines: SourceLines.split(text), ownIssuerCodes: ownIssuerCodes)
        return reader.read()
    }
}

/// One pass over the lines. A document is a header (issuer, number, date line, type line, title),
/// a body, and a closing (Nơi nhận, signatures, participants). A header line after a closing —
/// or a number or issuer line after a body — starts the next document, so a file holding several
/// documents is split. Lines before the first header (web-page residue) are reported, not imported.
struct DocumentReader {
    let file: String
    let lines: [SourceLine]
    let kinds: [ImportLine]
    let ownIssuerCodes: Set<String>
    private var current: DocumentInProgress?
    private var documents: [DocumentInProgress] = []
    private var residue: [SourceLine] = []
    private var diagnostics: [ImportDiagnostic] = []

    init(file: String, lines: [SourceLine], ownIssuerCodes: Set<String>) {
        self.file = file
        self.lines = lines
        self.kinds = lines.map(ImportLine.init)
        self.ownIssuerCodes = ownIssuerCodes
    }

    mutating func read() -> ImportResult {
        // A text with no number, date line or type line anywhere is one document without a header.
        let headerless = !kinds.contains { kind in
            switch kind {
            case .number, .placeDate, .typeLine: return true
            default: return false
            }
        }
        for index in lines.indices {
            if current == nil {
                if kinds[index].isBlank { continue }
                guard kinds[index].isHeader || headerless else {
                    residue.append(lines[index])
                    continue
                }
                reportResidue()
                current = DocumentInProgress(file: file, firstLine: lines[index].number, ownIssuerCodes: ownIssuerCodes)
            }
            if !feed(index) {
                // The line opens the next document.
                documents.append(current!)
                current = DocumentInProgress(file: file, firstLine: lines[index].number, ownIssuerCodes: ownIssuerCodes)
                _ = feed(index)
            }
        }
        if let current { documents.append(current) }
        reportResidue()

        var records: [ImportedRecord] = []
        var paths: Set<String> = []
        for document in documents {
            let (record, problems) = document.finish()
            diagnostics += problems
            guard var record else { continue }
            record.path = Self.unique(record.path, among: &paths)
            records.append(record)
        }
        diagnostics.sort { ($0.line, $0.severity) < ($1.line, $1.severity) }
        return ImportResult(records: records, diagnostics: diagnostics)
    }

    /// Hands line `index` to the current document; false when it starts a new one instead.
    private mutating func feed(_ index: Int) -> Bool {
        let line = lines[index]
        let kind = kinds[index]
        return current!.take(line, as: kind, nextKinds: upcoming(after: index))
    }

    /// The kinds of the next few non-blank lines, for decisions that need to look ahead
    /// ("CHỦ TỊCH" is a signature only when a name or another title follows).
    private func upcoming(after index: Int) -> [ImportLine] {
        var found: [ImportLine] = []
        var i = index + 1
        while i < kinds.count, found.count < 3 {
            if !kinds[i].isBlank { found.append(kinds[i]) }
            i += 1
        }
        return found
    }

    private mutating func reportResidue() {
        guard let first = residue.first, let last = residue.last else { return }
        let range = first.number == last.number ? "line \(first.number) is" : "lines \(first.number)–\(last.number) are"
        diagnostics.append(ImportDiagnostic(
            .warning, .outsideDocument, file: file, line: first.number,
            "\(range) outside any document (web-page residue?), not imported: “\(Self.excerpt(first.plain))”",
            hint: "a document starts at its number (Số: …), its date line or its type line (KẾ HOẠCH, BIÊN BẢN …)"))
        residue.removeAll()
    }

    /// `documents/2024/bien-ban.md`, then `bien-ban-2.md` for the second one.
    private static func unique(_ path: String, among taken: inout Set<String>) -> String {
        var candidate = path
        var n = 2
        while taken.contains(candidate) {
            candidate = String(path.dropLast(3)) + "-\(n).md"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    static func excerpt(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
