import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// `BodyScan`: what a body holds that the portal will not publish, decided first on its bytes,
/// and the headings of a regulation's outline.
@Suite struct BodyScanTests {
    @Test(arguments: ["<b>x</b>", "a &amp; b", "x\u{0007}y", "[a](javascript:alert(1))", "[a](JaVaScRiPt:x)", "[a](vbscript:x)",
                      "[a](file:///etc/passwd)", "![a](data:image/png;base64,AA)", "[a](DATA\\:x)", "<https://x.vn>", "[o](xfile:y)"])
    func aBodyThatMayHoldSomethingIsParsed(body: String) {
        #expect(BodyScan.mayHoldUnpublished(body))
    }

    @Test(arguments: ["", "Điều 7 khoản 2 của Quy chế.", "Số: 127/KH-UBND", "[a](https://x.vn/a:b)", "a:b", "dat:", "scrip:",
                      "fil\\:", "\t\n\r", "*em* `code` # Điều 3"])
    func aBodyThatSurelyHoldsNothingIsNot(body: String) {
        #expect(!BodyScan.mayHoldUnpublished(body))
    }

    /// Alone between letters, a scalar makes the body worth parsing only when it is `<`, `&` or a
    /// C0 control other than tab and line ends.
    @Test func eachScalarMayHoldSomethingOnlyWhenItIsMarkupOrAControl() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar == "<" || scalar == "&" || (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value))
            #expect(BodyScan.mayHoldUnpublished("ab" + String(scalar) + "c") == expected, "U+\(String(value, radix: 16))")
        }
        for word in ["script", "SCRIPT", "file", "Data"] {
            #expect(BodyScan.mayHoldUnpublished(word + ":") && BodyScan.mayHoldUnpublished(word + "\\:"))
            #expect(!BodyScan.mayHoldUnpublished(":" + word) && !BodyScan.mayHoldUnpublished(word + " :"))
        }
    }

    /// The top-level headings of a body, from a parse of its own.
    static func parsedHeadings(_ body: String) -> [(text: String, line: Int)] {
        MarkdownDocument(body).headings.map { (text: $0.text, line: $0.line) }
    }

    @Test(arguments: 0..<4)
    func skippedBodiesHoldNothingToReport(batch: Int) {
        var g = SeededGenerator(seed: 0xB0D7 &+ UInt64(batch))
        for _ in 0..<600 {
            let body = RandomText.text(&g, pieces: 20)
            let walk = BodyScan.walk(body)
            let reportable = !walk.html.isEmpty || walk.links.contains { BodyScan.unsafeTarget($0.url, image: $0.image) != nil }
            if reportable { #expect(BodyScan.mayHoldUnpublished(body), "skipped: \(body)") }
            // With or without the parse, the same warnings; with headings asked for, the same headings.
            let scan = BodyScan.scan(body, firstLine: 5, file: "f.md", headings: true)
            #expect(scan.diagnostics == BodyScan.scan(body, firstLine: 5, file: "f.md", headings: false).diagnostics)
            let parsed = Self.parsedHeadings(body)
            #expect(scan.headings?.map(\.text) == parsed.map(\.text) && scan.headings?.map(\.line) == parsed.map(\.line), "\(body)")
        }
    }

    @Test func regulationOutlinesAreThoseOfTheirOwnParse() throws {
        let content = ContentLoader.load(from: SampleContent.folder)
        #expect(content.records.contains { $0.type.isRegulation })
        for record in content.records where record.type.isRegulation {
            let outline = try #require(record.outline)
            #expect(outline == RegulationOutline(headings: Self.parsedHeadings(record.body)), "\(record.file)")
        }
        for record in content.records where !record.type.isRegulation { #expect(record.outline == nil) }
    }
}
