import Foundation
import Disclosure

/// `search-index.json`: one entry per record with its text folded the way `TextFolding.fold` folds
/// (no tone or vowel marks, đ → d, lower case), so "dan chu" finds "dân chủ" and "dong son" finds
/// "Đông Sơn". assets/search.js folds the query the same way and keeps the records holding every word.
enum SearchIndex {
    static func file(content: PortalContent) -> Data {
        // Folded and serialised in chunks on all cores; the chunks are joined into the bytes that
        // one pretty-printed array of all entries would have.
        let chunks = stride(from: 0, to: content.records.count, by: 256).map { start in
            content.records[start..<min(content.records.count, start + 256)]
        }
        let parts = Parallel.map(chunks, chunk: 1) { slice -> Data in
            var folding = SearchFolding()
            return JSONOutput.arrayItems(slice.map { entry(for: $0, folding: &folding) })
        }
        return JSONOutput.joinedArray(parts)
    }

    private static func entry(for entry: PortalRecord, folding: inout SearchFolding) -> [String: Any] {
        let record = entry.record
        var object: [String: Any] = [
            "id": record.id,
            "url": entry.path,
            "title": record.title,
            "type": record.type.nameVI,
            "date": record.date.iso,
            "text": foldedText(of: entry, folding: &folding),
        ]
        if let number = record.displayNumber { object["number"] = number }
        return object
    }

    /// Title, number, kind, issuer, signer and body, folded.
    static func foldedText(of entry: PortalRecord) -> String {
        var folding = SearchFolding()
        return foldedText(of: entry, folding: &folding)
    }

    private static func foldedText(of entry: PortalRecord, folding: inout SearchFolding) -> String {
        let record = entry.record
        let parts = [record.title, record.displayNumber, RecordSummary.kind(of: record), record.issuer, record.signer, entry.body.plainText]
        return folding.fold(parts.compactMap { $0 }.joined(separator: " "))
    }
}
