import Foundation
import Disclosure

/// `Content/ledger.jsonl` as read: every line with its hash and, when it can be read, its entry.
/// Reading never fails: a damaged line is kept with the reason, so verification can name it.
public struct Ledger: Sendable {
    /// Where the file is, as the user names it (`Content/ledger.jsonl`), for messages.
    public var path: String
    public var lines: [LedgerLine]
    /// A last line without its newline: a write that did not complete, or a file cut short.
    public var incompleteTail: IncompleteLine?
    /// The bytes of the complete lines, exactly as in the file: what the site publishes as its copy.
    public var completeBytes: [UInt8] = []

    public struct IncompleteLine: Hashable, Sendable {
        public var number: Int
        public var byteCount: Int
    }

    public static let fileName = "ledger.jsonl"

    public init(path: String, lines: [LedgerLine] = [], incompleteTail: IncompleteLine? = nil) {
        self.path = path
        self.lines = lines
        self.incompleteTail = incompleteTail
    }

    /// Splits the exact bytes of the file into lines. Each line's hash covers its bytes and its
    /// newline, so `sed -n 2p ledger.jsonl | sha256sum` gives line 2's hash.
    public init(bytes: [UInt8], path: String) {
        self.path = path
        lines = []
        var start = 0
        var number = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            number += 1
            let raw = Array(bytes[start...index])
            lines.append(LedgerLine(number: number, bytes: raw))
            start = index + 1
        }
        completeBytes = Array(bytes[0..<start])
        if start < bytes.count {
            incompleteTail = IncompleteLine(number: number + 1, byteCount: bytes.count - start)
        }
    }

    public init(text: String, path: String) { self.init(bytes: Array(text.utf8), path: path) }

    /// The ledger of a content folder, or nil when it has none yet.
    public init?(content: LoadedContent) {
        guard let file = content.ledger else { return nil }
        self.init(text: file.text, path: file.path)
    }

    /// The lines that carry a readable entry, in file order.
    public var entries: [(line: LedgerLine, entry: LedgerEntry)] {
        lines.compactMap { line in line.entry.map { (line, $0) } }
    }

    /// The last complete line: its hash is the head of the chain.
    public var last: LedgerLine? { lines.last { !$0.isBlank } }

    /// `sha256:` of the newest line, or nil for an empty ledger.
    public var head: String? { last?.hash }

    /// The seq the next publication gets.
    public var nextSeq: Int {
        guard let last else { return 1 }
        return (last.entry?.seq ?? lines.count) + 1
    }
}

/// One complete line of the ledger.
public struct LedgerLine: Sendable {
    /// Line number in the file, from 1.
    public let number: Int
    /// `sha256:` of the line's bytes, newline included.
    public let hash: String
    /// The text without its newline.
    public let text: String
    public let entry: LedgerEntry?
    /// Why the line is not an entry.
    public let problem: LedgerEntry.ReadError?
    /// True when the bytes are exactly what congkhai writes for this entry (sorted keys, no
    /// spaces, ASCII): a line re-typed or re-saved by another tool is not.
    public let isCanonical: Bool

    init(number: Int, bytes: [UInt8]) {
        self.number = number
        hash = LedgerDigest.sha256(bytes)
        var body = bytes.dropLast()  // the newline
        if body.last == 0x0D { body = body.dropLast() }
        text = String(decoding: body, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            entry = nil
            problem = LedgerEntry.ReadError(vi: "dòng trống", en: "the line is empty")
            isCanonical = false
            return
        }
        switch LedgerEntry.read(text) {
        case .success(let e):
            entry = e
            problem = nil
            isCanonical = Array(e.line.utf8) == bytes
        case .failure(let p):
            entry = nil
            problem = p
            isCanonical = false
        }
    }

    public var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// A line is identified by where it stands and what it holds.
extension LedgerLine: Hashable {
    public static func == (a: LedgerLine, b: LedgerLine) -> Bool { a.number == b.number && a.hash == b.hash }
    public func hash(into hasher: inout Hasher) { hasher.combine(number); hasher.combine(hash) }
}
