import Foundation
import Testing
import Disclosure
@testable import Drafting

/// Inputs found by `Scripts/fuzz.sh import`: whatever the pasted text holds,
/// the front matter `import` writes must load as YAML. The inputs are seeds in Fuzz/corpus/import/.
@Suite struct HostileImportTests {
    static func loads(_ text: String) -> [Diagnostic] {
        DocumentImporter.recognise(text, file: "paste.txt").records.flatMap { record -> [Diagnostic] in
            let file = "---\n" + record.frontMatter + (record.frontMatter.hasSuffix("\n") ? "" : "\n") + "---\n" + record.body
            return ContentLoader.assemble(site: nil, documents: [SourceFile(path: "documents/x.md", text: file)]).diagnostics
                .filter { [.malformedYAML, .yamlAlias, .unclosedFrontMatter, .missingFrontMatter].contains($0.code) }
        }
    }

    @Test(arguments: ["\u{5}", "\u{7F}", "\u{85}", "\u{9B}", "\u{1B}[31m", "\n"])
    func controlCharactersInPastedTextNeverBreakTheYAML(control: String) {
        let text = """
            Số: 127 /KH-UBND
            Đông Sơn, ngày 30 tháng 01 năm 2024
            KẾ HOẠCH
            Tổ chức hội nghị\(control) lấy ý kiến
            Căn cứ Ngh\(control)59/2023/NĐ-CP ngày 14/8/2023 c\(String(repeating: control, count: 20))
            """
        #expect(Self.loads(text).isEmpty)
    }

    @Test func theInputTheFuzzerFoundLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/import/regression-control-in-comment")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(!DocumentImporter.recognise(text, file: "fuzz.txt").records.isEmpty)
        #expect(Self.loads(text).isEmpty)
    }
}
