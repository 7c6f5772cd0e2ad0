import Testing
@testable import Disclosure

/// `RecordIdentity`: each record's id (from `id:`, its number or its file name) and the clashes
/// of numbers within a year and of ids.
@Suite struct RecordIdentityTests {
    static func load(_ files: [(String, String)]) -> LoadedContent {
        ContentLoader.assemble(site: nil, documents: files.map { path, fields in
            SourceFile(path: path, text: "---\ntitle: T\n\(fields)\n---\nx\n")
        })
    }

    @Test func idsComeFromTheIDTheNumberOrTheFileName() {
        let content = Self.load([
            ("documents/2024/127-kh.md", "date: 2024-01-30\nnumber: 127/KH-UBND"),
            ("documents/2024/Trung-Lap.MD", "date: 2024-02-05\ntype: TB"),
            ("documents/2024/Hồ sơ niêm yết.md", "date: 2024-02-05\ntype: TB"),
            ("documents/2024/own.md", "date: 2024-02-05\nnumber: 5/TB-UBND\nid: thong-bao-rieng"),
            ("documents/2024/!!.md", "date: 2024-02-05\ntype: TB"),
        ])
        #expect(content.diagnostics.errors == [])
        #expect(content.records.map(\.id) == ["2024-127-kh-ubnd", "trung-lap", "ho-so-niem-yet", "thong-bao-rieng", RecordIdentity.pathID("documents/2024/!!.md")])
    }

    @Test func aSlugLessFileKeepsItsIDWhateverTheOtherFiles() {
        let alone = Self.load([("documents/2024/🙂.md", "date: 2024-02-05\ntype: TB")])
        let among = Self.load([("documents/2024/!!.md", "date: 2024-02-05\ntype: TB"), ("documents/2024/#.md", "date: 2024-02-05\ntype: TB"),
                               ("documents/2024/🙂.md", "date: 2024-02-05\ntype: TB")])
        let id = try? #require(alone.records.first?.id)
        #expect(id?.hasPrefix("ban-ghi-") == true && id?.count == 16)
        #expect(among.records.last?.id == id)
        #expect(Set(among.records.map(\.id)).count == 3)
        // FNV-1a 64 of the path's UTF-8, high 32 bits, as computed apart (Python) for this test.
        #expect(id == "ban-ghi-d4a5587a")
    }

    @Test func aNumberIsUniqueWithinItsYearWhateverItsCase() throws {
        let content = Self.load([
            ("documents/a.md", "date: 2024-05-02\nnumber: 12/KH-UBND"),
            ("documents/b.md", "date: 2024-05-03\nnumber: 12/kh-ubnd"),
            ("documents/c.md", "date: 2023-05-03\nnumber: 12/KH-UBND"),
        ])
        #expect(content.records.map(\.id) == ["2024-12-kh-ubnd", "2023-12-kh-ubnd"])
        let clash = try #require(content.diagnostics.first { $0.code == .duplicateNumber })
        #expect(clash.severity == .error)
        #expect(clash.message == "the number 12/KH-ubnd is used twice in 2024: here and in documents/a.md")
        #expect(clash.location == SourceLocation(file: "documents/b.md", line: 4))
        #expect(content.diagnostics.filter { $0.code == .duplicateNumber }.count == 1)
    }

    @Test func anIDIsTakenOnce() throws {
        let content = Self.load([
            ("documents/a.md", "date: 2024-05-02\ntype: TB"),
            ("documents/2024/A.md", "date: 2024-05-02\ntype: TB"),
            ("documents/2024/b.md", "date: 2024-05-02\ntype: TB\nid: a"),
        ])
        #expect(content.records.map(\.file) == ["documents/a.md"])
        let clashes = content.diagnostics.filter { $0.code == .duplicateID }
        #expect(clashes.map(\.message) == ["the id “a” is taken by documents/a.md too", "the id “a” is taken by documents/a.md too"])
        #expect(clashes.map { $0.location?.file } == ["documents/2024/A.md", "documents/2024/b.md"])
    }
}
