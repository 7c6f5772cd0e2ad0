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
            return JSONOutput.items(capacity: slice.count * 1024) { json in
                for entry in slice { write(entry, folding: &folding, into: &json) }
            }
        }
        return JSONOutput.joinedArray(parts)
    }

    /// One entry, its members in code-point order (see `JSONWriter`).
    private static func write(_ entry: PortalRecord, folding: inout SearchFolding, into json: inout JSONWriter) {
        let record = entry.record
        json.beginObject()
        json.field("date", record.date.iso)
        json.field("id", record.id)
        json.field("number", record.displayNumber)
        json.field("text", foldedText(of: entry, folding: &folding))
        json.field("title", record.title)
        json.field("type", record.type.nameVI)
        json.field("url", entry.path)
        json.endObject()
    }

    /// Words of the body kept in the index: enough to find a record by what it opens with, small
    /// enough for a cheap phone to download the index of ten thousand records.
    static let excerptWords = 60

    /// Title, number, kind, issuer, signer and the body's first `excerptWords` words, folded.
    static func foldedText(of entry: PortalRecord) -> String {
        var folding = SearchFolding()
        return foldedText(of: entry, folding: &folding)
    }

    private static func foldedText(of entry: PortalRecord, folding: inout SearchFolding) -> String {
        let record = entry.record
        let parts = [record.title, record.displayNumber, RecordSummary.kind(of: record), record.issuer, record.signer, entry.searchExcerpt]
        return folding.fold(parts.compactMap { $0 }.joined(separator: " "))
    }

    /// The first `excerptWords` words of a body's plain text (words are single-space separated there).
    static func excerpt(of plainText: String) -> String {
        var spaces = 0
        for index in plainText.utf8.indices where plainText.utf8[index] == 0x20 {
            spaces += 1
            if spaces == excerptWords { return String(plainText[..<index]) }
        }
        return plainText
    }
}
