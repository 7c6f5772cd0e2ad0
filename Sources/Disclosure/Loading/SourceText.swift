import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a content file: UTF-8 only (a UTF-8 BOM is dropped). UTF-16 and other encodings are
/// refused with a hint a clerk can act on, since Word often saves "Unicode" text as UTF-16.
/// Files over `ContentLimits.maxFileBytes`, and anything that is not a regular file (a FIFO would
/// block the build forever), are refused before they are read.
enum SourceText {
    struct Problem: Error {
        var code: DiagnosticCode
        var message: String
        var hint: String?
        var line: Int
    }

    static func decode(contentsOf url: URL) -> Result<String, Problem> {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            return .failure(Problem(code: .unreadableFile, message: "the file cannot be read", hint: "check its permissions", line: 1))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(Problem(code: .outsideContent, message: "this is not a regular file (a folder, a pipe or a device); it is not read",
                                    hint: "content files are plain text files", line: 1))
        }
        if Int(info.st_size) > ContentLimits.maxFileBytes {
            return .failure(tooLarge(bytes: Int(info.st_size)))
        }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(Problem(code: .unreadableFile, message: "the file cannot be read", hint: "check its permissions", line: 1))
        }
        return decode(data)
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
        var bytes = data[...]
        // A BOM, sometimes twice (a file saved by two editors in turn).
        while bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .failure(Problem(code: .notUTF8, message: "the file is saved as UTF-16",
                                    hint: "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)", line: 1))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Name the first bad line so the clerk can find it.
            var line = 1
            var iterator = bytes.makeIterator()
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
        if let nul = bytes.firstIndex(of: 0) {
            let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(Problem(code: .notUTF8, message: "the file contains NUL bytes (the first on line \(line)); it is probably not a text file",
                                    hint: "save it as UTF-8 text", line: line))
        }
        return .success(isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping)
    }

    /// True when every scalar lies in a range where each character is its own NFC form and never
    /// combines with a neighbour (ASCII, Latin up to U+02FF, the precomposed Vietnamese letters
    /// U+1E00–U+1EFF, common punctuation, currency signs, arrows): then NFC would return the text
    /// unchanged, and the costly normalisation pass is skipped. Anything else is normalised.
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// UTF-16 without a BOM: NUL in every other byte of the first line's ASCII.
    private static func looksLikeUTF16(_ bytes: Data.SubSequence) -> Bool {
        let head = Array(bytes.prefix(64))
        guard head.count >= 4 else { return false }
        let even = stride(from: 0, to: head.count - 1, by: 2).filter { head[$0] == 0 }.count
        let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let pairs = head.count / 2
        return (even == pairs && odd == 0) || (odd == pairs && even == 0)
    }
}
