import Testing
@testable import Disclosure

/// `FrontMatter.split`: the YAML between `---` and the closing `---` or `...`, each alone on its line.
@Suite struct FrontMatterTests {
    @Test func theYAMLAndTheBodyWithTheirLines() {
        #expect(FrontMatter.split("---\ntitle: x\ndate: 2024-02-05\n---\nNội dung\n")
                == .success(FrontMatter(yaml: "title: x\ndate: 2024-02-05", yamlLine: 2, body: "Nội dung\n", bodyLine: 5)))
        #expect(FrontMatter.split("---\n---\n") == .success(FrontMatter(yaml: "", yamlLine: 2, body: "", bodyLine: 3)))
        #expect(FrontMatter.split("---\na: 1\n...") == .success(FrontMatter(yaml: "a: 1", yamlLine: 2, body: "", bodyLine: 4)))
        // The first closing line ends it; a later `---` is the body's.
        #expect(FrontMatter.split("---\na: 1\n---\nb\n---\nc")
                == .success(FrontMatter(yaml: "a: 1", yamlLine: 2, body: "b\n---\nc", bodyLine: 4)))
    }

    @Test func crlfAndCRLineEndsAreLineEnds() {
        let expected = FrontMatter(yaml: "a: 1\nb: 2", yamlLine: 2, body: "x\ny", bodyLine: 5)
        #expect(FrontMatter.split("---\r\na: 1\r\nb: 2\r\n---\r\nx\r\ny") == .success(expected))
        #expect(FrontMatter.split("---\ra: 1\rb: 2\r---\rx\ry") == .success(expected))
    }

    /// A marker may carry Unicode spaces (Foundation's `.whitespaces`) around it, nothing else.
    @Test(arguments: ["---", " --- ", "\t---\t", "\u{00A0}---", "---\u{3000}", "\u{2003}...", "..."])
    func closingMarkers(marker: String) {
        #expect(FrontMatter.split("---\na: 1\n\(marker)\nb") == .success(FrontMatter(yaml: "a: 1", yamlLine: 2, body: "b", bodyLine: 4)))
    }

    @Test(arguments: ["--- x", "-- -", "----", "---\u{0301}", ". . ."])
    func notMarkers(line: String) {
        #expect(FrontMatter.split("---\na: 1\n\(line)\nb") == .failure(.unclosed))
        #expect(FrontMatter.split("\(line)\na: 1\n---\nb") == .failure(.missing))
    }

    @Test func missingAndUnclosed() {
        #expect(FrontMatter.split("") == .failure(.missing))
        #expect(FrontMatter.split("title: x\n---\n") == .failure(.missing))
        #expect(FrontMatter.split("\n---\na: 1\n---\n") == .failure(.missing))
        #expect(FrontMatter.split("---") == .failure(.unclosed))
        #expect(FrontMatter.split("---\ntitle: x\n") == .failure(.unclosed))
        #expect(FrontMatter.split(" ---\na: 1\n---") == .success(FrontMatter(yaml: "a: 1", yamlLine: 2, body: "", bodyLine: 4)))
    }
}
