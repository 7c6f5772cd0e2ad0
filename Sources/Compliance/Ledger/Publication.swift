import Foundation
import Disclosure

/// What one publication records about the notices in a built site: for each record being posted
/// on the day (status open, or posted permanently) whose page is in the site, its page, the digest
/// of what it says and of the page as published, and its period with the legal end.
public enum Publication {
    /// - Parameters:
    ///   - files: the built site, ledger files excluded or not (they are ignored).
    ///   - page: where a record's page is in the site (the portal's `SitePaths.record`).
    ///   - attachment: where an attachment (a path inside Content/) is in the site.
    public static func postings(records: [Record], book: RuleBook, day: Day, files: [SiteFile],
                                page: (RecordID) -> String, attachment: (String) -> String) -> [PostedNotice] {
        let manifest = SiteManifest(files: files, layout: nil)
        let hashes = Dictionary(manifest.entries.map { ($0.path, LedgerDigest.prefix + $0.sha256) }, uniquingKeysWith: { a, _ in a })
        return records.compactMap { record -> PostedNotice? in
            guard record.isPublished, let posting = record.posting else { return nil }
            let schedule = book.schedule(of: posting)
            guard schedule.status(on: day).isOpen else { return nil }
            let path = page(record.id)
            guard let pageDigest = hashes[path] else { return nil }
            var attachments: [String: String] = [:]
            for a in record.attachments { attachments[a] = hashes[attachment(a)].map(LedgerDigest.bare) }
            return PostedNotice(id: record.id, page: path, digest: NoticeDigest.digest(record, attachments: attachments),
                                pageDigest: pageDigest, start: schedule.start, end: schedule.end, legalEnd: schedule.legalEnd)
        }.sorted { $0.id < $1.id }
    }
}
