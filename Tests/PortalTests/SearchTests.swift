import Foundation
import Testing
import Disclosure
@testable import Portal

/// The static search: the index is folded at build time, the query in the browser, the same way.
@Suite("Search")
struct SearchTests {
    @Test("folding drops tone and vowel marks, maps đ/Đ to d and lower-cases", arguments: [
        ("Dân chủ", "dan chu"),
        ("Đông Sơn", "dong son"),
        ("QUY CHẾ THỰC HIỆN DÂN CHỦ", "quy che thuc hien dan chu"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Đ\u{301}", "d"), // a stray combining mark on đ
    ])
    func folding(text: String, folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }

    @Test("NFC and NFD spellings of the same word fold alike")
    func normalisationForms() {
        let word = "Đông Sơn dân chủ"
        #expect(TextFolding.fold(word.precomposedStringWithCanonicalMapping)
                == TextFolding.fold(word.decomposedStringWithCanonicalMapping))
    }

    @Test("the sample index finds the draft by “dan chu” and every record by “dong son”")
    func sampleIndex() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        let data = Data(try site.text(SitePaths.searchIndex).utf8)
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.count == 8)
        func matches(_ query: String) -> Set<String> {
            let words = TextFolding.fold(query).split(separator: " ")
            return Set(entries.filter { entry in
                let text = entry["text"] as? String ?? ""
                return words.allSatisfy { text.contains($0) }
            }.compactMap { $0["id"] as? String })
        }
        #expect(matches("dan chu").contains(PortalFixture.draftID))
        #expect(matches("Dong Son").count == 8)
        #expect(matches("niem yet").contains("bien-ban-niem-yet-du-thao"))
        #expect(matches("xyzzy plugh").isEmpty)
    }

    /// The browser folds the query with assets/search.js: its `fold` must agree with the build's.
    /// Runs the script's function under Node when Node is installed (it is on CI machines).
    @Test("search.js folds queries exactly as the build folds the index",
          .enabled(if: SearchTests.node != nil, "needs node on PATH"))
    func scriptAgrees() throws {
        let script = try #require(Theme.default.assets["search.js"]).utf8String
        let start = try #require(script.range(of: "function fold(text)"))
        let end = try #require(script.range(of: "\n  }\n", range: start.upperBound..<script.endIndex))
        let fold = String(script[start.lowerBound..<end.upperBound])
        let samples = ["Dân chủ", "ĐÔNG SƠN", "Quy chế thực hiện dân chủ", "Ủy ban nhân dân xã", "Nghị định số 59/2023/NĐ-CP",
                       "Biên bản kết thúc niêm yết", "Điều 148 khoản 5", "trưởng thôn Đồng Mới"]
        let program = fold + "\nconst samples = " + String(decoding: try JSONSerialization.data(withJSONObject: samples), as: UTF8.self)
            + ";\nprocess.stdout.write(JSON.stringify(samples.map(fold)));\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SearchTests.node!)
        process.arguments = ["-e", program]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let folded = try #require(try JSONSerialization.jsonObject(with: output) as? [String])
        #expect(folded == samples.map(TextFolding.fold))
    }

    static let node: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { "\($0)/node" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

private extension Data {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
