import Foundation
import Testing
@testable import Compliance
@testable import Disclosure

/// Builds content in memory: one record per front-matter string, plus an optional site.yml.
func content(_ records: [String: String], site: String? = nil) -> LoadedContent {
    ContentLoader.assemble(
        site: site.map { SourceFile(path: "site.yml", text: $0) },
        documents: records.sorted { $0.key < $1.key }.map { SourceFile(path: "documents/\($0.key).md", text: "---\n\($0.value)\n---\n") })
}

/// Any date form the content accepts (`2024-02-05`, `05/02/2024`) → Day.
func day(_ text: String) -> Day { DayParsing.parse(text)! }

func codes(_ report: CheckReport, _ id: RecordID) -> [FindingCode] {
    report.findings.filter { $0.recordID == id }.map(\.code)
}

/// A plan the agency must disclose (Law 10/2022 Art. 12, item 6.1), dated 05/02/2024, not yet posted.
let agencyPlan = """
    title: Kế hoạch công khai
    number: 20/KH-UBND
    date: 2024-02-05
    category: agency-6.1
    """

/// Compares text with a golden file beside the tests; CONGKHAI_RECORD_GOLDEN=1 rewrites it.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["CONGKHAI_RECORD_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name); re-record with CONGKHAI_RECORD_GOLDEN=1 if intended", sourceLocation: sourceLocation)
}
