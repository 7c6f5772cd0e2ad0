// libFuzzer targets for the parsers that read what people type or paste (issue 8, item 3).
// Built only by Scripts/fuzz.sh (CONGKHAI_FUZZ=1 adds this target to Package.swift), with
// `-sanitize=fuzzer -parse-as-library`. CONGKHAI_FUZZ_TARGET names the parser to feed.
//
// Each target feeds the input to one parser and checks a property the parser promises; a broken
// property aborts, so libFuzzer saves the input as a crash file.
import Foundation
import Disclosure
import Drafting

/// libFuzzer's driver. SwiftPM links an executable's `main` to `<module>_main`, so the program's
/// entry is `congkhai_fuzz_main` below, which hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("congkhai_fuzz_main")
public func congkhaiFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}

/// The targets by name; each reads the input as text (invalid UTF-8 is repaired, as a loader
/// that decoded it would have refused it earlier).
let targets: [String: @Sendable (String) -> Void] = [
    "front-matter": FuzzTargets.frontMatter,
    "date": FuzzTargets.date,
    "number": FuzzTargets.number,
    "record": FuzzTargets.record,
    "import": FuzzTargets.importText,
]

enum FuzzTargets {
    /// The splitter: never traps; what it returns is a split of the (line-normalised) text.
    static func frontMatter(_ text: String) {
        guard case .success(let split) = FrontMatter.split(text) else { return }
        check(split.bodyLine > split.yamlLine, "body starts after the YAML")
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        check(normalised.hasSuffix(split.body), "the body is the end of the text")
    }

    /// The date parser: a day it accepts prints back to itself in every accepted form.
    static func date(_ text: String) {
        _ = DayParsing.explain(text)
        _ = DayParsing.parseTime(text)
        guard let day = DayParsing.parse(text) else { return }
        check(DayParsing.parse(day.iso) == day, "ISO round trip of \(day)")
        check(DayParsing.parse(day.vietnamese) == day, "dd/mm/yyyy round trip of \(day)")
        check(Day(ordinal: day.ordinal) == day, "ordinal round trip of \(day)")
    }

    /// The number parser: a number it accepts reads back the same from its canonical form.
    static func number(_ text: String) {
        guard case .success(let parsed) = DocumentNumber.parse(text) else { return }
        guard case .success(let again) = DocumentNumber.parse(parsed.value.description) else {
            check(false, "the canonical form \(parsed.value) does not parse")
            return
        }
        check(again.value == parsed.value, "canonical round trip of \(parsed.value)")
        check(!again.hadStraySpaces, "the canonical form has no stray spaces")
    }

    /// A whole record file through the loader: YAML guard, Yams, fields, body scan, cmark.
    static func record(_ text: String) {
        let content = ContentLoader.assemble(site: nil, documents: [SourceFile(path: "documents/fuzz.md", text: text)])
        check(content.records.count + content.diagnostics.errors.count >= 1, "a file gives a record or an error")
        for diagnostic in content.diagnostics {
            check((diagnostic.location?.line ?? 1) >= 1, "diagnostic lines count from 1")
        }
    }

    /// `congkhai import`'s recogniser, and the front matter it writes: that must load as YAML.
    static func importText(_ text: String) {
        let result = DocumentImporter.recognise(text, file: "fuzz.txt")
        for record in result.records {
            let file = "---\n" + record.frontMatter + (record.frontMatter.hasSuffix("\n") ? "" : "\n") + "---\n" + record.body
            let content = ContentLoader.assemble(site: nil, documents: [SourceFile(path: "documents/fuzz.md", text: file)])
            let broken = content.diagnostics.first { [.malformedYAML, .yamlAlias, .unclosedFrontMatter, .missingFrontMatter].contains($0.code) }
            check(broken == nil, "import wrote front matter the loader cannot read: \(broken?.message ?? "")\n\(record.frontMatter)")
        }
    }

    static func check(_ condition: @autoclosure () -> Bool, _ what: @autoclosure () -> String) {
        if !condition() {
            FileHandle.standardError.write(Data("property broken: \(what())\n".utf8))
            abort()
        }
    }
}

/// The target named by CONGKHAI_FUZZ_TARGET, looked up once.
let selected: @Sendable (String) -> Void = {
    let name = ProcessInfo.processInfo.environment["CONGKHAI_FUZZ_TARGET"] ?? ""
    guard let target = targets[name] else {
        FileHandle.standardError.write(Data("congkhai-fuzz: set CONGKHAI_FUZZ_TARGET to one of \(targets.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    selected(String(decoding: bytes, as: UTF8.self))
    return 0
}
