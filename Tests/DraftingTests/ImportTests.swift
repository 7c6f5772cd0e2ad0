import Foundation
import Testing
import Disclosure
import ZIPFoundation
@testable import Drafting

/// Whole documents in the shapes they arrive in: a notice, web-page residue, no header, .docx.
@Suite struct ImportTests {
    static let notice = """
        ỦY BAN NHÂN DÂN
        XÃ ĐÔNG SƠN

        Số: 566 /TB-UBND

        Đông Sơn, ngày  19 tháng 5  năm 2023

        THÔNG BÁO

        Về việc niêm yết công khai danh sách hộ nghèo năm 2023

        Căn cứ Luật Thực hiện dân chủ ở cơ sở;

        UBND xã thông báo niêm yết công khai tại nhà văn hóa các thôn trong thời gian 20 ngày, kể từ ngày 20 tháng 5 năm 2023 đến hết ngày 08 tháng 6 năm 2023.

        Nơi nhận:
        - Các thôn;
        - Lưu: VT.

        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH

        Nguyễn Văn An
        """

    /// A stated length beside a stated end that does not give it: 20 May → 8 June is 19 days
    /// (Civil Code Art. 147). Both are kept so `check` can judge; the import warns at once.
    @Test func noticeWithStatedLengthAndEnd() throws {
        let result = DocumentImporter.recognise(Self.notice, file: "tb.txt")
        let record = try #require(result.records.first)
        #expect(result.records.count == 1)
        let f = record.fields
        #expect(f.number?.description == "566/TB-UBND" && f.type?.code == "TB")
        #expect(f.date == Day(year: 2023, month: 5, day: 19))
        #expect(f.title == "Về việc niêm yết công khai danh sách hộ nghèo năm 2023")
        #expect(f.signer == "Nguyễn Văn An" && f.signerTitle == "Phó chủ tịch")
        let posting = try #require(f.posting)
        #expect(posting.start == Day(year: 2023, month: 5, day: 20))
        #expect(posting.end == Day(year: 2023, month: 6, day: 8))
        #expect(posting.days == nil)
        #expect(posting.requiredDays == 20)
        #expect(posting.basis?.contains("kể từ ngày 20 tháng 5 năm 2023 đến hết ngày 08 tháng 6 năm 2023") == true)
        #expect(posting.places == ["nhà văn hóa các thôn"])
        #expect(result.codes(at: 14).contains(.postingDisagrees))
        #expect(path(record) == "documents/2023/566-tb-ubnd.md")

        let content = try Samples.load([(record.path, record.text)])
        #expect(!content.diagnostics.contains { $0.severity == .error }, "\(content.diagnostics)")
        let loaded = try #require(content.records.first?.posting)
        #expect(loaded.requiredDays == 20 && loaded.end == Day(year: 2023, month: 6, day: 8))
        #expect(record.frontMatter.contains("# warning (line 14): the stated length and end disagree"))
    }

    private func path(_ record: ImportedRecord) -> String { record.path }

    @Test func webPageResidueIsReportedNotImported() throws {
        let page = "Trang chủ | Tin tức | Liên hệ\nThứ Hai, 22/05/2023\n\n" + Self.notice + "\n\nChia sẻ: Facebook Zalo\n"
        let result = DocumentImporter.recognise(page, file: "page.txt")
        #expect(result.records.count == 1)
        let residue = try #require(result.diagnostics.first { $0.code == .outsideDocument })
        #expect(residue.line == 1 && residue.description.hasPrefix("page.txt:1: warning: lines 1–2 are outside any document"))
        // After the signature, the sharing links are not part of the record.
        #expect(result.diagnostics.contains { $0.code == .signatureLine && $0.line == 29 })
        #expect(result.records[0].body.contains("Chia sẻ") == false)
    }

    @Test func noHeaderAtAll() throws {
        let text = """
            Thông báo về việc lấy ý kiến dự thảo quy hoạch khu dân cư

            UBND xã niêm yết công khai dự thảo tại trụ sở UBND xã 30 ngày, từ ngày 01/03/2024 đến hết ngày 31/03/2024.
            """
        let result = DocumentImporter.recognise(text, file: "web.txt")
        let record = try #require(result.records.first)
        #expect(record.fields.type?.code == "TB")
        #expect(record.fields.date == Day(year: 2024, month: 3, day: 1))
        #expect(result.codes(at: 1).contains(.typeFromTitle))
        #expect(result.codes(at: 3).contains(.dateFromPosting))
        #expect(result.codes().contains(.missingSignature))
        #expect(record.fields.posting?.requiredDays == 30)
        let content = try Samples.load([(record.path, record.text)])
        #expect(!content.diagnostics.contains { $0.severity == .error })
    }

    @Test func aDocumentWithoutTypeOrDateIsNotImported() {
        let result = DocumentImporter.recognise("Số: 12/UBND-VP\n\nV/v báo cáo số liệu\n\nKính gửi: UBND huyện\n", file: "cv.txt")
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.contains { $0.code == .missingDate && $0.severity == .error && $0.line == 1 })
    }

    @Test func severalDocumentsAreSplit() {
        let text = Self.notice + "\n\n" + Self.notice.replacingOccurrences(of: "566 /TB", with: "567/TB")
        let result = DocumentImporter.recognise(text, file: "two.txt")
        #expect(result.records.map { $0.fields.number?.description } == ["566/TB-UBND", "567/TB-UBND"])
        #expect(result.records.map(\.lines.lowerBound) == [1, 26])
    }

    @Test func wordDocument() throws {
        let paragraphs = Self.notice.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            "<w:p><w:r><w:t xml:space=\"preserve\">\(line.replacingOccurrences(of: "&", with: "&amp;"))</w:t></w:r></w:p>"
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(paragraphs.joined())\
            <w:p><w:r><w:t>Đã xóa</w:t></w:r><w:del><w:r><w:delText>không in</w:delText></w:r></w:del></w:p></w:body></w:document>
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drafting-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        let text = try DocumentText.read(url)
        #expect(text.contains("Số: 566 /TB-UBND\n\nĐông Sơn, ngày  19 tháng 5  năm 2023\n\nTHÔNG BÁO"))
        #expect(!text.contains("không in"))
        let result = DocumentImporter.recognise(text, file: "tb.docx")
        #expect(result.records.first?.fields.number?.description == "566/TB-UBND")
        #expect(result.records.first?.fields.posting?.requiredDays == 20)
        #expect(result.records.first?.fields.signer == "Nguyễn Văn An")
        #expect(result.records.first?.fields.recipients == ["Các thôn;", "Lưu: VT."])
    }

    @Test func unreadableFilesSayWhy() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drafting-\(UUID().uuidString).docx")
        try Data("not a zip".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: DocumentText.Failure.self) { try DocumentText.read(url) }
        #expect(throws: DocumentText.Failure.self) { try DocumentText.plainText(Data([0x41, 0xC3, 0x28])) }
        #expect(try DocumentText.plainText(Data([0xFF, 0xFE, 0x53, 0x00, 0xD1, 0x1E])) == "Số")
    }

    @Test func writerNeverOverwritesAndGuessesTheSite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drafting-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = DocumentImporter.recognise(Self.notice, file: "tb.txt").records
        let first = ImportWriter.write(records, into: folder)
        #expect(first.written == ["documents/2023/566-tb-ubnd.md"] && first.wroteSite)
        let site = try String(contentsOf: folder.appendingPathComponent("site.yml"), encoding: .utf8)
        #expect(site.contains("commune: \"xã Đông Sơn\"") && site.contains("place: \"Đông Sơn\""))
        let again = ImportWriter.write(records, into: folder)
        #expect(again.written.isEmpty && !again.wroteSite)
        #expect(again.diagnostics.map(\.code) == [.fileExists])
        let taken = ImportWriter.write(records, into: folder, existingNumbers: ["2023 566/TB-UBND"])
        #expect(taken.diagnostics.map(\.code) == [.duplicateNumber])
        let content = ContentLoader.load(from: folder)
        #expect(!content.diagnostics.contains { $0.severity == .error }, "\(content.diagnostics)")
        #expect(content.site.commune == "xã Đông Sơn")
    }
}
