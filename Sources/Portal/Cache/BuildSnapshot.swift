import Foundation
import Disclosure

/// The build's memory of its records, kept in the output's cache folder as `records.bin`
/// (`CacheFolder`), written after the site it describes is in place.
///
/// It lets the next build skip reading and rendering what did not change (`IncrementalBuild`):
/// every record file's key and digest (`DocumentStamp`), and the public records the portal was
/// built from, without their bodies but with each body's search excerpt. Everything else the site
/// depends on is folded into one digest (`inputs`).
/// It holds nothing a reader of the site must not see: no private value (`Record.encode` never
/// writes one), no record that is not published, no file name (record files are known by the
/// digest of their path, attachments by their published path) and no absolute path.
struct BuildSnapshot: Sendable {
    static let file = "records.bin"
    /// Bumped whenever the layout below or the meaning of a field changes.
    static let magic = Array("congkhai-records 3\n".utf8)

    /// A located attachment: its content-relative path (as the record names it) and its file's key.
    struct Attachment: Equatable {
        var path: String
        var key: FileKey
    }

    /// A public record without its body, and the body's first words for the search index.
    struct Entry {
        var record: Record
        var searchExcerpt: String
    }

    /// Everything the site depends on outside the record files and attachments (`inputsDigest`).
    var inputs: StableDigest
    /// When the record files' keys were taken (`FileKey.isSettled`).
    var readAt: Int64
    /// The counts the build reported.
    var pages: Int
    var files: Int
    var warnings: Int
    var documents: [DocumentStamp]
    /// The encoded groups of `records` as read, reused when written again unchanged (an
    /// incremental build changes a few records of ten thousand).
    private var encodedGroups: [[UInt8]?] = []
    var attachments: [Attachment]
    private(set) var records: [Entry]

    /// Changes a record's search excerpt.
    mutating func setSearchExcerpt(_ excerpt: String, at index: Int) {
        guard records[index].searchExcerpt != excerpt else { return }
        records[index].searchExcerpt = excerpt
        if index / Self.group < encodedGroups.count { encodedGroups[index / Self.group] = nil }
    }

    /// The bytes of the files besides the records that a build reads: `site.yml`, `holidays.yml`
    /// and `ledger.jsonl` (an absent file counts as such). Taken before the content is loaded.
    static func settingsDigest(of folder: URL) -> StableDigest {
        var hasher = StableHasher()
        for name in ["site.yml", "holidays.yml", "ledger.jsonl"] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                hasher.combine(1)
                hasher.combine([UInt8](data))
            } else {
                hasher.combine(0)
            }
        }
        return hasher.finish()
    }

    /// The digest of everything outside the record files that a built site depends on: this
    /// program, the content folder and how it is named, the settings, calendar and ledger files
    /// (`settingsDigest`), the theme as loaded with its warnings, the day and the address.
    static func inputsDigest(settings: StableDigest, folder: URL, shownAs shown: String, asOf: Day, baseURL: String?,
                             theme: Theme, themeDiagnostics: [Diagnostic]) -> StableDigest? {
        guard let program = Bundle.main.executablePath.flatMap(FileKey.of) else { return nil }
        var hasher = StableHasher()
        hasher.combine(magic)
        for word in [program.device, program.inode, UInt64(bitPattern: program.size), UInt64(bitPattern: program.modified)] {
            hasher.combine(word)
        }
        hasher.combine(settings.a)
        hasher.combine(settings.b)
        hasher.combine(folder.standardizedFileURL.path)
        hasher.combine(shown)
        hasher.combine(asOf.iso)
        hasher.combine(baseURL ?? "\u{0}")
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        for (name, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine([UInt8](data))
        }
        for diagnostic in themeDiagnostics { hasher.combine("\(diagnostic)") }
        return hasher.finish()
    }

    /// The located attachments with their keys; nil when one has no key or a key that is not settled.
    static func attachments(_ located: [String: URL], readAt: Int64) -> [Attachment]? {
        var list: [Attachment] = []
        for (path, url) in located.sorted(by: { $0.key < $1.key }) {
            guard let key = FileKey.of(url.path), key.isSettled(before: readAt) else { return nil }
            list.append(Attachment(path: path, key: key))
        }
        return list
    }

    /// What a full build needs besides its own model to leave a snapshot: the digest of its
    /// other inputs, the content's warning count, the attachments it copied, and the record files
    /// as the load saw them.
    struct Context: Sendable {
        let inputs: StableDigest
        let readAt: Int64
        let warnings: Int
        let attachments: [Attachment]
        let documents: [DocumentStamp]
        /// How messages name the content folder, with its slash: records' files are kept without it.
        let shownPrefix: String

        /// Nil when the build cannot be described (`inputsDigest`, `attachments`, a record file
        /// read through a link): it then leaves no snapshot.
        init?(load: CachedLoad, sources: SiteSources, asOf: Day, baseURL: String?) {
            guard let documents = load.stamps.all(),
                  let inputs = BuildSnapshot.inputsDigest(settings: load.settings, folder: load.folder, shownAs: load.shown,
                                                          asOf: asOf, baseURL: baseURL, theme: sources.theme, themeDiagnostics: sources.themeDiagnostics),
                  let attachments = BuildSnapshot.attachments(sources.attachments, readAt: load.readAt) else { return nil }
            self.inputs = inputs
            readAt = load.readAt
            warnings = sources.diagnostics.warnings.count
            self.attachments = attachments
            self.documents = documents
            shownPrefix = ContentLoader.shownPath("", in: load.folder)
        }

        /// The snapshot of a build.
        func snapshot(portal: PortalContent, pages: Int, files: Int) -> BuildSnapshot {
            let records = portal.records.map { entry in
                var record = entry.record
                record.file = String(record.file.dropFirst(shownPrefix.count))
                return Entry(record: record, searchExcerpt: entry.searchExcerpt)
            }
            return BuildSnapshot(inputs: inputs, readAt: readAt, pages: pages, files: files, warnings: warnings,
                                 documents: documents, attachments: attachments, records: records)
        }
    }

    // MARK: Bytes

    func encoded() -> [UInt8] {
        var out = BinaryWriter(capacity: 64 + documents.count * 128 + records.count * 1024)
        out.raw(Self.magic)
        out.digest(inputs)
        out.int(Int(readAt))
        out.int(pages)
        out.int(files)
        out.int(warnings)
        out.int(documents.count)
        for stamp in documents {
            out.digest(stamp.pathDigest)
            out.key(stamp.key)
            out.bool(stamp.digest != nil)
            if let digest = stamp.digest { out.digest(digest) }
            out.int(stamp.warnings)
        }
        out.int(attachments.count)
        for attachment in attachments {
            out.string(attachment.path)
            out.key(attachment.key)
        }
        // The records in groups, each encoded (and later decoded) on its own core.
        let groups = stride(from: 0, to: records.count, by: Self.group).map { records[$0..<min(records.count, $0 + Self.group)] }
        let encoded = Parallel.map(Array(groups.enumerated()), chunk: 1) { index, group -> [UInt8] in
            if index < encodedGroups.count, let bytes = encodedGroups[index] { return bytes }
            var out = BinaryWriter(capacity: group.count * 1024)
            for entry in group {
                entry.record.encode(into: &out)
                out.string(entry.searchExcerpt)
            }
            return out.bytes
        }
        out.int(records.count)
        for bytes in encoded { out.raw(bytes) }
        return out.bytes
    }

    init(inputs: StableDigest, readAt: Int64, pages: Int, files: Int, warnings: Int,
         documents: [DocumentStamp], attachments: [Attachment], records: [Entry]) {
        self.inputs = inputs
        self.readAt = readAt
        self.pages = pages
        self.files = files
        self.warnings = warnings
        self.documents = documents
        self.attachments = attachments
        self.records = records
    }

    init(decoding bytes: [UInt8]) throws {
        var input = BinaryReader(bytes)
        guard try input.raw() == Self.magic else { throw Damaged() }
        inputs = try input.digest()
        readAt = Int64(try input.int())
        pages = try input.int()
        files = try input.int()
        warnings = try input.int()
        documents = try (0..<input.count()).map { _ in
            let path = try input.digest()
            let key = try input.key()
            let digest = try input.bool() ? try input.digest() : nil
            return DocumentStamp(pathDigest: path, key: key, digest: digest, warnings: try input.int())
        }
        attachments = try (0..<input.count()).map { _ in
            let path = try input.string()
            guard let key = try input.key() else { throw Damaged() }
            return Attachment(path: path, key: key)
        }
        let count = try input.count()
        let groups = try (0..<(count + Self.group - 1) / Self.group).map { _ in try input.raw() }
        guard input.isAtEnd else { throw Damaged() }
        let decoded = Parallel.map(groups, chunk: 1) { bytes in
            Result { () throws -> [Entry] in
                var group = BinaryReader(bytes)
                var entries: [Entry] = []
                entries.reserveCapacity(Self.group)
                while !group.isAtEnd { entries.append(Entry(record: try Record(decoding: &group), searchExcerpt: try group.string())) }
                return entries
            }
        }
        records = try decoded.flatMap { try $0.get() }
        guard records.count == count else { throw Damaged() }
        encodedGroups = groups
    }

    /// Records per group of the encoding.
    private static let group = 512

    /// The snapshot in a cache folder, or nil when there is none or it cannot be read.
    static func read(in cache: CacheFolder) -> BuildSnapshot? {
        guard let bytes = readBytes(cache.path(file)) else { return nil }
        return try? BuildSnapshot(decoding: bytes)
    }

    /// A file's bytes, read straight into the array the decoder reads (it is megabytes long).
    private static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
            complete = count == size
        }
        return complete ? bytes : nil
    }

    func write(in cache: CacheFolder) throws {
        try cache.write(Self.file, Data(encoded()))
    }

    /// A snapshot that is not one this program wrote; it is ignored.
    struct Damaged: Error {}
}

private extension BinaryWriter {
    mutating func digest(_ digest: StableDigest) {
        int(Int(bitPattern: UInt(digest.a)))
        int(Int(bitPattern: UInt(digest.b)))
    }

    mutating func key(_ key: FileKey?) {
        bool(key != nil)
        guard let key else { return }
        int(Int(bitPattern: UInt(key.device)))
        int(Int(bitPattern: UInt(key.inode)))
        int(Int(key.size))
        int(Int(key.modified))
        int(Int(key.changed))
    }
}

private extension BinaryReader {
    mutating func digest() throws -> StableDigest {
        StableDigest(a: UInt64(UInt(bitPattern: try int())), b: UInt64(UInt(bitPattern: try int())))
    }

    mutating func key() throws -> FileKey? {
        guard try bool() else { return nil }
        return FileKey(device: UInt64(UInt(bitPattern: try int())), inode: UInt64(UInt(bitPattern: try int())),
                       size: Int64(try int()), modified: Int64(try int()), changed: Int64(try int()))
    }

    /// A count that cannot be negative (a malformed file must not make a huge or negative range).
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n < 10_000_000 else { throw BuildSnapshot.Damaged() }
        return n
    }
}
