import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a content file: UTF-8 only (a UTF-8 BOM is dropped). UTF-16 and other encodings are
/// refused with a hint a clerk can act on, since Word often saves "Unicode" text as UTF-16.
/// Files are opened by `ContentFile`: over `ContentLimits.maxFileBytes`, a link, or anything that
/// is not a regular file (a FIFO would block the build forever), they are refused before they are read.
enum SourceText {
    struct Problem: Error {
        var code: DiagnosticCode
        var message: String
        var hint: String?
        var line: Int
    }

    static func decode(contentsOf url: URL) -> Result<String, Problem> {
        decode(path: url.path)
    }

    static func decode(path: String) -> Result<String, Problem> {
        switch ContentFile.bytes(at: path, limit: ContentLimits.maxFileBytes) {
        case .success(let bytes): return bytes.withUnsafeBufferPointer { decode($0) }
        case .failure(let failure): return .failure(problem(failure))
        }
    }

    /// A refused open as a diagnostic's parts: a link or a pipe is `outside-content`, as the
    /// loader reports links leading out of the folder.
    static func problem(_ failure: ContentFile.Failure) -> Problem {
        switch failure {
        case .tooLarge(let bytes): return tooLarge(bytes: bytes)
        case .link, .notRegular: return Problem(code: .outsideContent, message: failure.message, hint: failure.hint, line: 1)
        case .missing, .permissionDenied, .unreadable: return Problem(code: .unreadableFile, message: failure.message, hint: failure.hint, line: 1)
        }
    }

    static func tooLarge(bytes: Int) -> Problem {
        Problem(code: .tooLarge,
                message: "the file is \(megabytes(bytes)); the limit is \(megabytes(ContentLimits.maxFileBytes)) per file",
                hint: "split it into several records, or attach the long document as a file under `attachments`", line: 1)
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    static func decode(_ data: Data) -> Result<String, Problem> {
        if data.count > ContentLimits.maxFileBytes { return .failure(tooLarge(bytes: data.count)) }
        return Array(data).withUnsafeBufferPointer { decode($0) }
    }

    /// The checks, in order: size, BOMs, UTF-16, UTF-8 validity, NUL bytes; then NFC, which only
    /// the rare text with characters outside the ranges `isSurelyNFC` knows is normalised.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<String, Problem> {
        if buffer.count > ContentLimits.maxFileBytes { return .failure(tooLarge(bytes: buffer.count)) }
        var bytes = buffer[...]
        // A BOM, sometimes twice (a file saved by two editors in turn).
        while bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .failure(Problem(code: .notUTF8, message: "the file is saved as UTF-16",
                                    hint: "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)", line: 1))
        }
        let body = UnsafeBufferPointer(rebasing: bytes)
        guard let text = String(validating: body, as: UTF8.self) else {
            // Name the first bad line so the clerk can find it.
            var line = 1
            var iterator = body.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): if s == "\n" { line += 1 }
                case .emptyInput, .error: break loop
                }
            }
            return .failure(Problem(code: .notUTF8, message: "the file is not valid UTF-8 (first bad byte on line \(line))",
                                    hint: "save it as UTF-8; Vietnamese text from old software may be in TCVN3 or VNI", line: line))
        }
        if let base = body.baseAddress, let found = memchr(base, 0, body.count) {
            let nul = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let line = 1 + body[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(Problem(code: .notUTF8, message: "the file contains NUL bytes (the first on line \(line)); it is probably not a text file",
                                    hint: "save it as UTF-8 text", line: line))
        }
        return .success(isSurelyNFC(utf8: body) ? text : text.precomposedStringWithCanonicalMapping)
    }

    /// The text in NFC, `precomposedStringWithCanonicalMapping` without its cost for text that
    /// `isSurelyNFC` already knows is.
    static func precomposed(_ text: String) -> String {
        isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar lies in a range where each character is its own NFC form and never
    /// combines with a neighbour (ASCII, Latin up to U+02FF, the precomposed Vietnamese letters
    /// U+1E00–U+1EFF, common punctuation, currency signs, arrows): then NFC would return the text
    /// unchanged, and the costly normalisation pass is skipped. Anything else is normalised.
    static func isSurelyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isSurelyNFC(utf8: $0) }
    }

    /// `isSurelyNFC` on valid UTF-8, decided on the bytes: ASCII runs cost one comparison a byte.
    static func isSurelyNFC(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let value: UInt32
            if lead < 0xE0 {
                guard i + 1 < n else { return false }
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if lead < 0xF0 {
                guard i + 2 < n else { return false }
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                return false  // beyond the BMP: never in the ranges below
            }
            switch value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// UTF-16 without a BOM: NUL in every other byte of the first line's ASCII.
    private static func looksLikeUTF16(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let head = Array(bytes.prefix(64))
        guard head.count >= 4 else { return false }
        let even = stride(from: 0, to: head.count - 1, by: 2).filter { head[$0] == 0 }.count
        let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let pairs = head.count / 2
        return (even == pairs && odd == 0) || (odd == pairs && even == 0)
    }
}
