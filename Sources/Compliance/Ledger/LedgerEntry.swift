import Foundation
import Disclosure

/// One line of `Content/ledger.jsonl`: one publication of the portal — when, what site exactly
/// (its digest), which notices were being posted in it, and the hash of the line before it.
///
/// ```json
/// {"postings":[{"digest":"sha256:…","end":"2024-02-25","id":"du-thao-quy-che-dan-chu","legal_end":"2024-02-26",
///   "page":"van-ban/du-thao-quy-che-dan-chu/index.html","page_digest":"sha256:…","start":"2024-02-05"}],
///  "prev":"sha256:…","seq":2,"simulated":true,"site_digest":"sha256:…","time":"2024-02-20T08:00:00+07:00","v":1}
/// ```
/// (one line in the file). The format is documented in docs/ledger.md.
public struct LedgerEntry: Hashable, Sendable {
    public static let formatVersion = 1

    /// 1 for the first publication, then +1 each time.
    public var seq: Int
    public var time: LedgerTime
    /// Written with `--clock`: a drill or a test, never evidence of a real posting.
    public var simulated: Bool
    /// `SiteManifest.digest` of the published site.
    public var siteDigest: String
    /// The notices being posted on the day of the publication (status open or permanent).
    public var postings: [PostedNotice]
    /// `sha256:` of the previous line's bytes, its newline included; nil on the first line.
    public var prev: String?
    public var version: Int

    public init(seq: Int, time: LedgerTime, simulated: Bool, siteDigest: String, postings: [PostedNotice],
                prev: String?, version: Int = LedgerEntry.formatVersion) {
        self.seq = seq
        self.time = time
        self.simulated = simulated
        self.siteDigest = siteDigest
        self.postings = postings.sorted { $0.id < $1.id }
        self.prev = prev
        self.version = version
    }

    public var json: CanonicalJSON {
        .object([
            "v": .int(version),
            "seq": .int(seq),
            "time": .string(time.description),
            "simulated": .bool(simulated),
            "site_digest": .string(siteDigest),
            "postings": .array(postings.map(\.json)),
            "prev": prev.map { .string($0) } ?? .null,
        ])
    }

    /// The exact line written to the file, newline included.
    public var line: String { json.encoded + "\n" }

    /// The hash the next line's `prev` must hold.
    public var hash: String { LedgerDigest.sha256(Array(line.utf8)) }

    public func notice(_ id: RecordID) -> PostedNotice? { postings.first { $0.id == id } }
}

/// A notice as one publication showed it.
public struct PostedNotice: Hashable, Sendable {
    public var id: RecordID
    /// Its page inside the site (`van-ban/<id>/index.html`).
    public var page: String
    /// `NoticeDigest` of the record: changes only when what the notice says changes.
    public var digest: String
    /// SHA-256 of the page's bytes as published that day (the banner makes it change daily).
    public var pageDigest: String?
    public var start: Day
    /// The last day as posted and the legal end (Civil Code Art. 148(5)); nil when posted permanently.
    public var end: Day?
    public var legalEnd: Day?

    public init(id: RecordID, page: String, digest: String, pageDigest: String?, start: Day, end: Day?, legalEnd: Day?) {
        self.id = id
        self.page = page
        self.digest = digest
        self.pageDigest = pageDigest
        self.start = start
        self.end = end
        self.legalEnd = legalEnd
    }

    var json: CanonicalJSON {
        .object([
            "id": .string(id), "page": .string(page), "digest": .string(digest),
            "page_digest": pageDigest.map { .string($0) } ?? .null,
            "start": .string(start.iso), "end": end.map { .string($0.iso) } ?? .null,
            "legal_end": legalEnd.map { .string($0.iso) } ?? .null,
        ])
    }
}

// MARK: Reading a line

extension LedgerEntry {
    /// Why a line is not a ledger entry, in words a clerk can act on.
    public struct ReadError: Error, Hashable, Sendable {
        public var vi: String
        public var en: String
    }

    /// Reads one line's text (without its newline). Strict: every field must be there with its type.
    public static func read(_ text: String) -> Result<LedgerEntry, ReadError> {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .failure(ReadError(vi: "không phải JSON hợp lệ", en: "it is not valid JSON"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(ReadError(vi: "không phải một đối tượng JSON", en: "it is not a JSON object"))
        }
        do {
            let postings = try array(fields, "postings").enumerated().map { index, item -> PostedNotice in
                guard let p = item as? [String: Any] else { throw missing("postings[\(index)]") }
                let at = "postings[\(index)]."
                return PostedNotice(
                    id: try string(p, "id", at), page: try string(p, "page", at), digest: try digest(p, "digest", at),
                    pageDigest: try optionalDigest(p, "page_digest", at), start: try day(p, "start", at),
                    end: try optionalDay(p, "end", at), legalEnd: try optionalDay(p, "legal_end", at))
            }
            let timeText = try string(fields, "time")
            guard let time = LedgerTime.parse(timeText) else { throw missing("time", wrong: true) }
            return .success(LedgerEntry(
                seq: try int(fields, "seq"), time: time, simulated: try bool(fields, "simulated"),
                siteDigest: try digest(fields, "site_digest"), postings: postings,
                prev: try optionalDigest(fields, "prev"), version: try int(fields, "v")))
        } catch let error as ReadError {
            return .failure(error)
        } catch {
            return .failure(ReadError(vi: "không đọc được", en: "it cannot be read"))
        }
    }

    private static func missing(_ key: String, wrong: Bool = false) -> ReadError {
        wrong ? ReadError(vi: "trường `\(key)` sai kiểu hoặc sai dạng", en: "field `\(key)` has the wrong type or form")
              : ReadError(vi: "thiếu trường `\(key)`", en: "field `\(key)` is missing")
    }

    private static func value(_ o: [String: Any], _ key: String, _ at: String) throws -> Any {
        guard let v = o[key] else { throw missing(at + key) }
        return v
    }

    private static func isNull(_ v: Any) -> Bool { v is NSNull }

    private static func string(_ o: [String: Any], _ key: String, _ at: String = "") throws -> String {
        guard let s = try value(o, key, at) as? String else { throw missing(at + key, wrong: true) }
        return s
    }

    private static func int(_ o: [String: Any], _ key: String, _ at: String = "") throws -> Int {
        let v = try value(o, key, at)
        // Booleans also arrive as NSNumber; the canonical-form check of the line catches them.
        guard !(v is String), let n = v as? NSNumber, let i = Int(exactly: n.doubleValue) else {
            throw missing(at + key, wrong: true)
        }
        return i
    }

    private static func bool(_ o: [String: Any], _ key: String, _ at: String = "") throws -> Bool {
        let v = try value(o, key, at)
        guard let b = v as? Bool else { throw missing(at + key, wrong: true) }
        return b
    }

    private static func array(_ o: [String: Any], _ key: String, _ at: String = "") throws -> [Any] {
        guard let a = try value(o, key, at) as? [Any] else { throw missing(at + key, wrong: true) }
        return a
    }

    private static func digest(_ o: [String: Any], _ key: String, _ at: String = "") throws -> String {
        let s = try string(o, key, at)
        let hex = LedgerDigest.bare(s)
        guard s.hasPrefix(LedgerDigest.prefix), hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw missing(at + key, wrong: true)
        }
        return s
    }

    private static func optionalDigest(_ o: [String: Any], _ key: String, _ at: String = "") throws -> String? {
        if isNull(try value(o, key, at)) { return nil }
        return try digest(o, key, at)
    }

    private static func day(_ o: [String: Any], _ key: String, _ at: String = "") throws -> Day {
        let s = try string(o, key, at)
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard s.count == 10, parts.count == 3, let d = Day(year: parts[0], month: parts[1], day: parts[2]) else {
            throw missing(at + key, wrong: true)
        }
        return d
    }

    private static func optionalDay(_ o: [String: Any], _ key: String, _ at: String = "") throws -> Day? {
        if isNull(try value(o, key, at)) { return nil }
        return try day(o, key, at)
    }
}
