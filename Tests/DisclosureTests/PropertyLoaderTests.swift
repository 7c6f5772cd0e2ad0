import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// Random front matter, dates and numbers through the loader: whatever the input, the loader
/// answers with records or diagnostics that point into the file, never traps, and answers the
/// same way twice.
@Suite struct PropertyLoaderTests {
    static let keys = ["title", "number", "date", "type", "signer", "posting", "comments", "private", "references",
                       "attachments", "draft", "publish", "id", "category", "time", "ngay_ban_hanh", "so_hieu", "titel", "x"]
    static let values = [
        "Kế hoạch", "\"<script>alert(1)</script>\"", "127/KH-UBND", "0/KH-UBND", "05/2024/QĐ-UBND", "2024-02-30", "31/02/2024",
        "ngày 30 tháng 01 năm 2024", "0000-01-01", "99999-01-01", "true", "maybe", "~", "null", "[]", "{}", "[a, [b, [c]]]",
        "{start: 2024-02-05, days: 20}", "{start: 2024-02-05, end: 2024-02-01}", "{start: x}", "- a\n  - b", "'unterminated",
        "\"\\u202E\"", "|\n  block\n  text", ">\n  folded", "&a x", "*a", "!!binary aGVsbG8=", "!custom x", "1e400", "-1",
        "../../etc/passwd", "javascript:alert(1)", "law-11.4", "agency-6.99", "16:30", "25:99", "\"\\0\"", "\t", "",
    ]

    /// A random record file: a few random keys with random values, sometimes a broken fence, a body.
    private static func randomFile(_ g: inout SeededGenerator) -> String {
        var lines = ["---"]
        for _ in 0..<Int.random(in: 0...8, using: &g) {
            let key = keys.randomElement(using: &g)!
            let value = values.randomElement(using: &g)!
            lines.append(Bool.random(using: &g) ? "\(key): \(value)" : "\(key):\n  \(value.replacingOccurrences(of: "\n", with: "\n  "))")
        }
        switch Int.random(in: 0..<10, using: &g) {
        case 0: break  // never closes
        case 1: lines.append("...")
        default: lines.append("---")
        }
        let bodies = ["", "Nội dung.", "<div onclick=x>a</div>", "[a](javascript:x)", "- - - - x", "# Điều 1. A\n\nB", "\u{1B}[31m"]
        lines.append(bodies.randomElement(using: &g)!)
        return lines.joined(separator: Bool.random(using: &g) ? "\n" : "\r\n")
    }

    @Test(arguments: 0..<4)
    func randomFrontMatterGivesRecordsOrLocatedDiagnostics(batch: Int) {
        var g = SeededGenerator(seed: UInt64(batch) &* 7919 &+ 1)
        for _ in 0..<150 {
            let files = (0..<Int.random(in: 1...4, using: &g)).map { index in
                SourceFile(path: "documents/r\(index).md", text: Self.randomFile(&g))
            }
            let content = ContentLoader.assemble(site: nil, documents: files)
            let again = ContentLoader.assemble(site: nil, documents: files)
            #expect(content.diagnostics == again.diagnostics, "not deterministic: \(files.map(\.text))")
            for file in files {
                let lineCount = file.text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.count
                let own = content.diagnostics.filter { $0.location?.file == file.path }
                let hasRecord = content.records.contains { $0.file == file.path }
                // A file that gives no record says why (a duplicate id counts too).
                #expect(hasRecord || own.hasErrors, "\(file.text)")
                for diagnostic in own {
                    #expect((1...max(lineCount, 1)).contains(diagnostic.location!.line), "\(diagnostic) in \(file.text)")
                }
            }
            for record in content.records {
                #expect(!record.id.isEmpty && TextFolding.slug(record.id) == record.id, "id \(record.id) is no slug")
                #expect(ContentLimits.years.contains(record.date.year))
                #expect(record.attachments.allSatisfy { AttachmentPath.problem($0) == nil })
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBytesInAValidRecordNeverTrap(batch: Int) {
        var g = SeededGenerator(seed: UInt64(batch) &+ 0xC0FFEE)
        let valid = Array("---\ntitle: Kế hoạch\nnumber: 12/KH-UBND\ndate: 2024-01-30\nposting: {start: 2024-02-05, days: 20}\n---\nNội dung [a](https://x.vn).\n".utf8)
        let alphabet = Array("-:\n\r\t '\"[]{}&*!|>#%@`<>/\\\u{0}\u{7F}".utf8) + [0xC3, 0xA1, 0xE2, 0x80, 0xAE]
        for _ in 0..<300 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...6, using: &g) {
                let at = Int.random(in: 0..<bytes.count, using: &g)
                switch Int.random(in: 0..<3, using: &g) {
                case 0: bytes[at] = alphabet.randomElement(using: &g)!
                case 1: bytes.insert(alphabet.randomElement(using: &g)!, at: at)
                default: bytes.remove(at: at)
                }
            }
            switch SourceText.decode(Data(bytes)) {
            case .failure(let problem):
                #expect(problem.line >= 1)
            case .success(let text):
                let content = ContentLoader.assemble(site: nil, documents: [SourceFile(path: "documents/m.md", text: text)])
                #expect(!content.records.isEmpty || content.diagnostics.hasErrors)
            }
        }
    }

    @Test func everyDayPrintsAndParsesBackInEveryForm() {
        var g = SeededGenerator(seed: 42)
        let first = Day(year: ContentLimits.years.lowerBound, month: 1, day: 1)!.ordinal
        let last = Day(year: ContentLimits.years.upperBound, month: 12, day: 31)!.ordinal
        for _ in 0..<3000 {
            let day = Day(ordinal: Int.random(in: first...last, using: &g))
            #expect(DayParsing.parse(day.iso) == day)
            #expect(DayParsing.parse(day.vietnamese) == day)
            #expect(DayParsing.parse("\(day.day)/\(day.month)/\(day.year)") == day)
            #expect(DayParsing.parse("ngày \(day.day) tháng \(day.month) năm \(day.year)") == day)
            #expect(DayParsing.explain(day.vietnamese) == nil)
            // The day after the month's last is no day, and is explained.
            let overflow = "\(Day.daysIn(month: day.month, year: day.year) + 1)/\(day.month)/\(day.year)"
            #expect(DayParsing.parse(overflow) == nil)
            #expect(DayParsing.explain(overflow) != nil)
        }
    }

    @Test func everyNumberPrintsAndParsesBack() throws {
        var g = SeededGenerator(seed: 7)
        let types = ["KH", "QĐ", "BC", "TB", "QC", "BB", "NQ", "CT", "TTr", "QyĐ"]
        let issuers = ["UBND", "UBND-VP", "HĐND", "UBND-ĐC"]
        for _ in 0..<2000 {
            let n = Int.random(in: 1...999_999, using: &g)
            let padded = n < 10 && Bool.random(using: &g) ? "0\(n)" : "\(n)"
            let year = Bool.random(using: &g) ? "/\(Int.random(in: 1945...2100, using: &g))" : ""
            let text = "\(padded)\(year)/\(types.randomElement(using: &g)!)-\(issuers.randomElement(using: &g)!)"
            let parsed = try DocumentNumber.parse(text).get()
            #expect(parsed.value.description == text)
            #expect(try DocumentNumber.parse(parsed.value.description).get().value == parsed.value)
            #expect(parsed.value.number == n)
            // Spaces around separators are read the same, and flagged.
            let spaced = text.replacingOccurrences(of: "/", with: " / ")
            let again = try DocumentNumber.parse(spaced).get()
            #expect(again.value == parsed.value && again.hadStraySpaces)
        }
    }
}
