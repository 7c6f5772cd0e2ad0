import Foundation

/// Decodes a content file: UTF-8 only (a UTF-8 BOM is dropped). UTF-16 and other encodings are
/// refused with a hint a clerk can act on, since Word often saves "Unicode" text as UTF-16.
enum SourceText {
    struct Problem: Error {
        var code: DiagnosticCode
        var message: String
        var hint: String?
        var line: Int
    }

    static func decode(contentsOf url: URL) -> Result<String, Problem> {
        guard let data = try? Data(contentsOf: url) else {
            return .failure(Problem(code: .unreadableFile, message: "the file cannot be read", hint: "check its permissions", line: 1))
        }
        return decode(data)
    }

    static func decode(_ data: Data) -> Result<String, Problem> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Problem(code: .notUTF8, message: "the file is saved as UTF-16",
                                    hint: "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)", line: 1))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Name the first bad line so the clerk can find it.
            var line = 1
            var valid = bytes.startIndex
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s):
                    if s == "\n" { line += 1 }
                    valid = bytes.index(valid, offsetBy: String(s).utf8.count)
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            return .failure(Problem(code: .notUTF8, message: "the file is not valid UTF-8 (first bad byte on line \(line))",
                                    hint: "save it as UTF-8; Vietnamese text from old software may be in TCVN3 or VNI", line: line))
        }
        if text.contains("\u{0}") {
            return .failure(Problem(code: .notUTF8, message: "the file contains NUL bytes; it is probably not a text file",
                                    hint: "save it as UTF-8 text", line: 1))
        }
        return .success(text.precomposedStringWithCanonicalMapping)
    }
}
