import Foundation
import Crypto
import Disclosure

/// SHA-256 digests as the ledger writes them: `sha256:` and 64 lowercase hex digits.
public enum LedgerDigest {
    public static let prefix = "sha256:"

    public static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        prefix + hex(SHA256.hash(data: Array(bytes)))
    }

    public static func sha256(_ data: Data) -> String { prefix + hex(SHA256.hash(data: data)) }

    /// The bare hex digits, as `sha256sum` prints them.
    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var out = ""
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return out
    }

    /// `sha256:abcd…` → `abcd…`.
    public static func bare(_ digest: String) -> String {
        digest.hasPrefix(prefix) ? String(digest.dropFirst(prefix.count)) : digest
    }

    /// `sha256:1a2b3c4d…9f8e` for messages: enough to recognise, short enough to read.
    public static func short(_ digest: String) -> String {
        let hex = bare(digest)
        guard hex.count > 16 else { return digest }
        return prefix + hex.prefix(8) + "…" + hex.suffix(4)
    }

    private static let hexDigits = Array("0123456789abcdef")
}

/// One file of a site to publish: its path inside the site and its bytes.
public struct SiteFile: Sendable, Hashable {
    public var path: String
    public var data: Data
    public init(_ path: String, _ data: Data) {
        self.path = path
        self.data = data
    }
}

/// Where a published site keeps its ledger, its manifest, the page explaining them and the head of
/// the chain. The portal lays out the site and says where (`SitePaths.ledger`); the rules only
/// look there.
public struct LedgerLayout: Sendable, Hashable {
    /// The folder holding the ledger, its manifest and its page (`so-cai/`).
    public var folder: String
    public var ledger: String
    public var manifest: String
    public var page: String
    public var head: String

    public init(folder: String, ledger: String, manifest: String, page: String, head: String) {
        self.folder = folder
        self.ledger = ledger
        self.manifest = manifest
        self.page = page
        self.head = head
    }

    /// True for the files the site digest leaves out.
    public func isLedgerFile(_ path: String) -> Bool {
        path.hasPrefix(folder) || path == head
    }
}

/// The digest of a whole published site, reproducible with standard tools: the files sorted by
/// path (byte order), one `sha256sum` line each (`<hex>  <path>`), and the SHA-256 of that text.
/// The ledger's own files are left out (`LedgerLayout`): they hold the line that records this
/// very digest, so they cannot be part of it.
public struct SiteManifest: Sendable {
    /// `(path, hex)` for every covered file, in byte order of the path.
    public let entries: [(path: String, sha256: String)]

    /// - Parameter layout: where the site keeps its ledger files, which are left out; nil leaves none out.
    public init(files: [SiteFile], layout: LedgerLayout?) {
        entries = files.filter { layout?.isLedgerFile($0.path) != true }
            .map { (path: $0.path, sha256: LedgerDigest.hex(SHA256.hash(data: $0.data))) }
            .sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// The manifest text, exactly what `sha256sum` prints for the same files in the same order.
    public var text: String { entries.map { "\($0.sha256)  \($0.path)\n" }.joined() }

    /// `sha256:` of `text`: the `site_digest` of a ledger line.
    public var digest: String { LedgerDigest.sha256(Array(text.utf8)) }

    /// The page digest of one file, if the site has it.
    public func digest(of path: String) -> String? {
        entries.first { $0.path == path }.map { LedgerDigest.prefix + $0.sha256 }
    }

    /// Reads every regular file under a published folder (for `check --published`). Symbolic
    /// links are followed; hidden files are included, since a web server serves them too.
    public static func read(folder: URL) throws -> [SiteFile] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var files: [SiteFile] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base.path + "/") else { continue }
            files.append(SiteFile(String(full.dropFirst(base.path.count + 1)), try Data(contentsOf: url)))
        }
        return files
    }
}

/// The digest of what a notice *says*, as opposed to the page that shows it: the page changes every
/// day (its banner counts the days), the notice must not. It covers the record's public text and
/// its posting — number, type, title, date, issuer, signer, draft flag, references, body, the
/// posting's period and places, and the bytes of each attachment — and leaves out what may grow
/// while it is posted without altering it (comments received), editorial `notes` and `private`
/// fields. Line endings are normalised to LF and trailing blank space of the body is ignored, so
/// re-saving the file in another editor is not an alteration.
public enum NoticeDigest {
    public static func canonical(_ record: Record, attachments: [String: String] = [:]) -> CanonicalJSON {
        func text(_ s: String?) -> CanonicalJSON { s.map { .string($0) } ?? .null }
        func day(_ d: Day?) -> CanonicalJSON { d.map { .string($0.iso) } ?? .null }
        var body = record.body.replacingOccurrences(of: "\r\n", with: "\n")
        while let last = body.last, last.isWhitespace { body.removeLast() }
        var posting: CanonicalJSON = .null
        if let p = record.posting {
            posting = .object([
                "start": day(p.start), "end": day(p.end), "days": p.days.map { .int($0) } ?? .null,
                "places": .array(p.places.map { .string($0) }), "feedback_until": day(p.feedbackUntil),
                "required_days": p.requiredDays.map { .int($0) } ?? .null, "basis": text(p.basis),
                "permanent": .bool(p.isPermanent),
            ])
        }
        return .object([
            "id": .string(record.id),
            "number": text(record.displayNumber),
            "type": .string(record.type.code),
            "title": .string(record.title),
            "date": day(record.date),
            "issuer": .string(record.issuer),
            "signer": text(record.signer),
            "signer_title": text(record.signerTitle),
            "draft": .bool(record.isDraft),
            "references": .array(record.references.map { .string($0.text) }),
            "body": .string(body),
            "posting": posting,
            "attachments": .array(record.attachments.map { path in
                .object(["path": .string(path), "sha256": text(attachments[path])])
            }),
        ])
    }

    /// `sha256:` of the canonical JSON of the notice.
    public static func digest(_ record: Record, attachments: [String: String] = [:]) -> String {
        LedgerDigest.sha256(Array(canonical(record, attachments: attachments).encoded.utf8))
    }
}
