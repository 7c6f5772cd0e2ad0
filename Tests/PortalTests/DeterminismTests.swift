import Foundation
import Testing
import Disclosure
@testable import Portal

/// Same content and day, same bytes: the parallel build must not depend on thread timing.
@Suite("Determinism")
struct DeterminismTests {
    @Test("two builds of the sample give the same files in the same order with the same bytes")
    func sameBytes() throws {
        let a = try PortalFixture.build(asOf: "2024-02-15")
        let b = try PortalFixture.build(asOf: "2024-02-15")
        #expect(a.paths == b.paths)
        #expect(a.paths == a.paths.sorted())
        #expect(Set(a.paths).count == a.paths.count)
        for (x, y) in zip(a.files, b.files) where x != y {
            Issue.record("\(x.path) differs between two builds")
        }
        #expect(a.pages == b.pages)
    }

    @Test("a digest of a view changes with any value the template can print")
    func viewDigest() {
        struct Inner { let label: String; let flag: Bool }
        struct View { let title: String; let items: [Inner]; let note: String? }
        let fingerprint = ViewDigest(a: 1, b: 2)
        let base = View(title: "A", items: [Inner(label: "x", flag: true)], note: nil)
        let digest = ViewDigest.of(base, template: "list", fingerprint: fingerprint)
        #expect(digest == ViewDigest.of(View(title: "A", items: [Inner(label: "x", flag: true)], note: nil), template: "list", fingerprint: fingerprint))
        #expect(digest != ViewDigest.of(base, template: "record", fingerprint: fingerprint))
        #expect(digest != ViewDigest.of(base, template: "list", fingerprint: ViewDigest(a: 1, b: 3)))
        #expect(digest != ViewDigest.of(View(title: "B", items: [Inner(label: "x", flag: true)], note: nil), template: "list", fingerprint: fingerprint))
        #expect(digest != ViewDigest.of(View(title: "A", items: [Inner(label: "x", flag: false)], note: nil), template: "list", fingerprint: fingerprint))
        #expect(digest != ViewDigest.of(View(title: "A", items: [], note: nil), template: "list", fingerprint: fingerprint))
        #expect(digest != ViewDigest.of(View(title: "A", items: [Inner(label: "x", flag: true)], note: ""), template: "list", fingerprint: fingerprint))
        #expect(ViewDigest(Substring(digest.description)) == digest)
    }

    @Test("the search index's fast folding gives TextFolding.fold's output")
    func folding() {
        var folding = SearchFolding()
        for text in ["Đông Sơn", "DÂN CHỦ ở cơ sở", "Quy chế 156/QC-UBND – Điều 7", "ΣΊΣΥΦΟΣ İstanbul ǅ ß ﬁ", "e\u{301}  tab\tnew\nline", "", "日本語 😀 Ωmega"] {
            #expect(folding.fold(text) == TextFolding.fold(text), "\(text)")
        }
    }

    @Test("JSON serialised in chunks joins into the bytes of the whole array")
    func chunkedJSON() {
        let items: [[String: Any]] = (0..<7).map { ["id": "r\($0)", "text": "dân chủ \"\($0)\"\n/", "n": $0, "tags": ["a", "b"]] }
        let whole = JSONOutput.data(items)
        let joined = JSONOutput.joinedArray([JSONOutput.arrayItems(Array(items[0..<3])), JSONOutput.arrayItems([]),
                                             JSONOutput.arrayItems(Array(items[3...]))])
        #expect(String(decoding: joined, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
        #expect(JSONOutput.joinedArray([]) == JSONOutput.data([Any]()))
    }
}
