import Foundation
import Disclosure

/// `search-index.json`: one entry per record with its text folded the way `TextFolding.fold` folds
/// (no tone or vowel marks, đ → d, lower case), so "dan chu" finds "dân chủ" and "dong son" finds
/// "Đông Sơn". assets/search.js folds the query the same way and keeps the records holding every word.
enum SearchIndex {
    static func file(content: PortalContent) -> Data {
        let entries: [[String: Any]] = content.records.map { entry in
            let record = entry.record
            var object: [String: Any] = [
                "id": record.id,
                "url": entry.path,
                "title": record.title,
                "type": record.type.nameVI,
                "date": record.date.iso,
                "text": foldedText(of: entry),
            ]
            if let number = record.displayNumber { object["number"] = number }
            return object
        }
        return JSONOutput.data(entries)
    }

    /// Title, number, kind, issuer, signer and body, folded.
    static func foldedText(of entry: PortalRecord) -> String {
        let record = entry.record
        let parts = [record.title, record.displayNumber, RecordSummary.kind(of: record), record.issuer, record.signer, entry.body.plainText]
        return TextFolding.fold(parts.compactMap { $0 }.joined(separator: " "))
    }
}
