import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The plain text of a file to import: `.txt` and `.md` as they are (UTF-8, or UTF-16 with its
/// byte-order mark, which Word writes for "Unicode text"), `.docx` as its paragraphs.
public enum DocumentText {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message }
    }

    /// Files larger than this are refused: an administrative document is a few hundred kilobytes.
    static let maxBytes = 20 * 1024 * 1024

    public static func read(_ url: URL) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Failure(message: "the file cannot be read", hint: "check that it exists and that you may read it")
        }
        guard data.count <= maxBytes else {
            throw Failure(message: "the file is \(data.count / 1_048_576) MB; the limit is \(maxBytes / 1_048_576) MB", hint: nil)
        }
        switch url.pathExtension.lowercased() {
        case "docx": return try docxText(data)
        case "txt", "md", "markdown", "text", "": return try plainText(data)
        case "doc":
            throw Failure(message: "old Word files (.doc) cannot be read", hint: "open it in Word or LibreOffice and save it as .docx")
        case "pdf":
            throw Failure(message: "PDF files cannot be read", hint: "copy its text into a .txt file (UTF-8) and import that")
        default:
            throw Failure(message: "“.\(url.pathExtension)” files cannot be read", hint: "import .txt, .md or .docx files")
        }
    }

    static func plainText(_ data: Data) throws -> String {
        var bytes = data[...]
        while bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: Data(bytes.dropFirst(2)), encoding: .utf16LittleEndian) { return text }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: Data(bytes.dropFirst(2)), encoding: .utf16BigEndian) { return text }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(message: "the file is not UTF-8 text", hint: "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)")
        }
        return text
    }

    /// The paragraphs of `word/document.xml`, separated by blank lines as in a text export; a line
    /// break inside a paragraph (Shift+Enter, often inside titles) stays a single line end.
    static func docxText(_ data: Data) throws -> String {
        let unreadable = Failure(message: "the file is not a Word document (.docx)", hint: "open it in Word or LibreOffice and save it as .docx")
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil), let entry = archive["word/document.xml"] else { throw unreadable }
        guard entry.uncompressedSize <= UInt64(maxBytes) else {
            throw Failure(message: "the document's text is larger than \(maxBytes / 1_048_576) MB", hint: nil)
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry) { xml.append($0) }
        } catch {
            throw unreadable
        }
        let collector = ParagraphCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else { throw unreadable }
        return collector.paragraphs.joined(separator: "\n\n") + "\n"
    }
}

/// Collects the text runs (`w:t`) of each paragraph (`w:p`); tabs become spaces, breaks line ends.
/// Deleted text of tracked changes (`w:delText`) and field codes (`w:instrText`) are left out.
private final class ParagraphCollector: NSObject, XMLParserDelegate {
    var paragraphs: [String] = []
    private var paragraph = ""
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "w:p": paragraph = ""
        case "w:t": inText = true
        case "w:tab": paragraph += " "
        case "w:br", "w:cr": paragraph += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:p": paragraphs.append(paragraph)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { paragraph += string }
    }
}
