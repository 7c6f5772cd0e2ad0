import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// The loader's second round of fast paths (issue 7) against the code they replaced, kept here
/// as written as the references: the folder walk, the body's byte scan, the NFC check, Foundation's
/// trimming and normalisation, and the id check.
@Suite struct LoadingReferenceTests {
    static let pieces = LoadingFastPathTests.pieces + [
        "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{205F}", "\u{2029}", "\u{000B}", "\u{000C}", "\u{180E}", "\u{FEFF}",
        " \u{0301}", "\u{00A0}\u{0301}", "Số:", "số: ", "SỐ:", "127", "/", "-", "KH", "UBND", "QĐ", "q\u{0110}", "2024", "law-11.", "agency-6.",
        "ngày", "tháng", "năm", "30", "01", "\u{1E9E}", "\u{0130}", "\u{FB01}", "\u{10400}", "\u{E0001}",
    ]

    static func randomText(_ g: inout SeededGenerator, pieces: Int = 8) -> String {
        (0..<Int.random(in: 0...pieces, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
    }

    /// Random scalars from every plane, weighted toward ASCII and the ranges the fast paths know.
    static func randomScalars(_ g: inout SeededGenerator, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            let range: ClosedRange<UInt32> = [0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x21FF,
                                              0x2200...0xFFFF, 0x10000...0x10FFFF].randomElement(using: &g)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &g)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    // MARK: Body scan

    /// `BodyScan.mayHoldUnpublished` as it was: a chain of comparisons a byte.
    static func referenceMayHoldUnpublished(_ body: String) -> Bool {
        func endsWith(_ bytes: [UInt8], _ end: Int, _ word: String) -> Bool {
            let pattern = Array(word.utf8)
            guard end >= pattern.count else { return false }
            for k in 0..<pattern.count where bytes[end - pattern.count + k] | 0x20 != pattern[k] { return false }
            return true
        }
        let bytes = Array(body.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            guard byte <= UInt8(ascii: "<") else { continue }
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F:
                return true
            case UInt8(ascii: ":"):
                var end = i - 1
                if end > 0 && bytes[end - 1] == UInt8(ascii: "\\") { end -= 1 }
                if endsWith(bytes, end, "script") || endsWith(bytes, end, "file") || endsWith(bytes, end, "data") { return true }
            default:
                break
            }
        }
        return false
    }

    @Test func theBodyByteScanAnswersAsTheComparisonChainDid() {
        var g = SeededGenerator(seed: 0xB7E5)
        var texts = (0..<4000).map { _ in Self.randomText(&g, pieces: 16) }
        texts += (0..<2000).map { _ in Self.randomScalars(&g, count: Int.random(in: 0...40, using: &g)) }
        // Every byte value as a lone scalar, and after each of the words a scheme ends with.
        texts += (0..<0x3000).compactMap { Unicode.Scalar(UInt32($0)).map { "ab" + String($0) + "c" } }
        for word in ["script", "SCRIPT", "file", "Data", "dat", "xfile", "\\"] {
            texts += [word + ":", word + "\\:", word + "\\\\:", ":" + word, word + " :"]
        }
        for text in texts {
            #expect(BodyScan.mayHoldUnpublished(text) == Self.referenceMayHoldUnpublished(text), "\(text.unicodeScalars.map(\.value))")
            let fast = ContentLimits.firstForbiddenControl(in: text)
            let slow = LoadingFastPathTests.referenceFirstForbiddenControl(in: text)
            #expect(fast?.scalar == slow?.scalar && fast?.line == slow?.line, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func theNFCCheckByLeadBytesAnswersAsTheScalarLoop() {
        var g = SeededGenerator(seed: 0x2FC)
        var texts = (0..<3000).map { _ in Self.randomScalars(&g, count: Int.random(in: 0...30, using: &g)) }
        texts += (0..<3000).map { _ in Self.randomText(&g) }
        // Every scalar of the first planes, alone and between Vietnamese letters.
        for value in UInt32(0)...0x2FFFF { if let s = Unicode.Scalar(value) { texts.append("ệ" + String(s) + "a") } }
        for text in texts {
            #expect(SourceText.isSurelyNFC(text) == LoadingFastPathTests.referenceIsSurelyNFC(text), "\(text.unicodeScalars.map(\.value))")
            #expect(SourceText.precomposed(text) == text.precomposedStringWithCanonicalMapping)
        }
    }

    // MARK: Trimming

    @Test func whitespaceIsFoundationsSetScalarForScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Whitespace.spaces.contains(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(Whitespace.spacesAndNewlines.contains(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar),
                    "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimmingGivesFoundationsText() {
        var g = SeededGenerator(seed: 0x7819)
        var texts = (0..<6000).map { _ in Self.randomText(&g) }
        texts += (0..<2000).map { _ in Self.randomScalars(&g, count: Int.random(in: 0...12, using: &g)) }
        texts += ["", " ", "\u{3000}", " a ", "\u{00A0}x\u{202F}", " \u{0301}x", "x\u{0301} ", "\n\tx\r\n", "\u{200B}x\u{200B}", "\u{85}x\u{85}"]
        for text in texts {
            for substring in [Substring(text), text.dropFirst(), text.dropLast()] {
                let spaces = Whitespace.spaces.trim(substring)
                #expect(Array(spaces.utf8) == Array(substring.trimmingCharacters(in: .whitespaces).utf8), "\(text.unicodeScalars.map(\.value))")
                let newlines = Whitespace.spacesAndNewlines.trim(substring)
                #expect(Array(newlines.utf8) == Array(substring.trimmingCharacters(in: .whitespacesAndNewlines).utf8),
                        "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    // MARK: Folder walk

    /// `ContentLoader.markdownFiles(in:)` as it was: `FileManager` listings and attributes.
    static func referenceMarkdownFiles(in folder: URL) -> (files: [String], skippedLinks: [String]) {
        let fm = FileManager.default
        var files: [String] = []
        var skipped: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = folder.appendingPathComponent(path).path
                guard let attributes = try? fm.attributesOfItem(atPath: full),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                switch type {
                case .typeDirectory:
                    pending.append(path)
                case .typeSymbolicLink:
                    var isDirectory: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                        skipped.append(path)
                    } else if name.lowercased().hasSuffix(".md") {
                        files.append(path)
                    }
                default:
                    if name.lowercased().hasSuffix(".md") { files.append(path) }
                }
            }
        }
        return (files.sorted(), skipped.sorted())
    }

    @Test func theWalkFindsWhatFileManagerFound() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        let fm = FileManager.default
        let documents = content.appendingPathComponent("documents")
        for folder in ["2024", "2024/q1", ".hidden", "Hồ sơ", "deep/a/b/c"] {
            try fm.createDirectory(at: documents.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let names = ["a.md", "B.MD", "c.Md", "d.markdown", "e.md.txt", ".f.md", "g.md\u{0301}", "Hồ sơ.md", "Ho\u{0302}\u{0300} so\u{031B}.md",
                     "x\u{0600}.md", "İ.MD", "md", ".md", "2024/h.md", "2024/q1/i.md", ".hidden/j.md", "Hồ sơ/k.md", "deep/a/b/c/l.md"]
        for name in names { try Data("x".utf8).write(to: documents.appendingPathComponent(name)) }
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: documents.appendingPathComponent("folder.md").path, withDestinationPath: "2024")
        #expect(mkfifo(documents.appendingPathComponent("pipe.md").path, 0o600) == 0)
        // A name that is not UTF-8 (Latin-1 "é").
        var bytes = Array(documents.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".md".utf8) + [0]
        let fd = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o600) }
        }
        #expect(fd >= 0)
        close(fd)

        let walked = ContentLoader.markdownFiles(in: documents)
        let reference = Self.referenceMarkdownFiles(in: documents)
        #expect(walked.files.map(\.path) == reference.files)
        #expect(walked.skippedLinks == reference.skippedLinks)
        // Only what the walk saw as a regular file skips the link checks in `read`.
        let regular = Set(walked.files.filter(\.isRegular).map(\.path))
        #expect(!regular.contains("link.md") && !regular.contains("dangling.md") && !regular.contains("pipe.md"))
        #expect(regular.contains("a.md") && regular.contains("deep/a/b/c/l.md"))
    }

    @Test func aLinkedDocumentsFolderIsStillCheckedFileByFile() throws {
        let content = try HostileContentTests.temporaryContent()
        defer { HostileContentTests.remove(content) }
        let fm = FileManager.default
        let outside = content.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data((HostileContentTests.header + "x\n").utf8).write(to: outside.appendingPathComponent("a.md"))
        try fm.removeItem(at: content.appendingPathComponent("documents"))
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("documents").path, withDestinationPath: outside.path)
        let loaded = ContentLoader.load(from: content)
        #expect(loaded.records.isEmpty)
        #expect(loaded.diagnostics.map(\.code) == [.outsideContent, .noRecords])
        #expect(loaded.diagnostics.first?.location?.file.hasSuffix("documents/a.md") == true)
    }

    // MARK: Ids

    /// `RecordIdentity.assignIDs` as it was: ids and keys worked out in the serial loop.
    static func referenceAssignIDs(_ parsed: [RecordParser.Parsed], diagnostics: inout [Diagnostic]) -> [Record] {
        var byNumber: [String: Record] = [:]
        var byID: [RecordID: Record] = [:]
        var records: [Record] = []
        for item in parsed {
            var record = item.record
            let fileStem = (record.file as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "", options: [.caseInsensitive, .anchored, .backwards])
            if !item.explicitID {
                if let number = record.number {
                    record.id = TextFolding.slug("\(number.year ?? record.date.year) \(number)")
                } else {
                    record.id = TextFolding.slug(fileStem)
                }
            }
            if record.id.isEmpty { record.id = "record-\(records.count + 1)" }
            if let number = record.number {
                let key = "\(number.year ?? record.date.year) \(number)".precomposedStringWithCanonicalMapping.uppercased()
                if let first = byNumber[key] {
                    diagnostics.append(Diagnostic(.error, .duplicateNumber,
                        "the number \(number) is used twice in \(number.year ?? record.date.year): here and in \(first.file)",
                        hint: "numbers are unique within a year (Decree 30/2020 Art. 15); correct one of them",
                        at: SourceLocation(file: record.file, line: item.numberLine)))
                    continue
                }
                byNumber[key] = record
            }
            if let first = byID[record.id] {
                diagnostics.append(Diagnostic(.error, .duplicateID,
                    "the id “\(record.id)” is taken by \(first.file) too",
                    hint: "rename one of the files, or give one of them its own `id:`",
                    at: SourceLocation(file: record.file, line: 1)))
                continue
            }
            byID[record.id] = record
            records.append(record)
        }
        return records
    }

    @Test(arguments: 0..<3)
    func idsAndClashesAreThoseOfTheSerialLoop(batch: Int) {
        var g = SeededGenerator(seed: 0x1D5 &+ UInt64(batch))
        let numbers = ["12/KH-UBND", "12/kh-ubnd", "12/QĐ-UBND", "12/Q\u{0110}-UBND", "12/QD\u{0335}-UBND", "05/2023/QĐ-UBND", "5/2023/QĐ-UBND",
                       "45/UBND-VP", "12/TB-UBND", "1/KH-UBND"]
        let stems = ["a", "A", "Trung-Lap", "trung-lap", "---", "Hồ sơ", "ho-so", "x.MD", "2024-12-kh-ubnd", "!!"]
        var files: [SourceFile] = []
        for index in 0..<120 {
            var yaml = "---\ntitle: T\(index)\ndate: \(Bool.random(using: &g) ? "2023" : "2024")-05-0\(Int.random(in: 1...9, using: &g))\n"
            if Bool.random(using: &g) { yaml += "number: \"\(numbers.randomElement(using: &g)!)\"\n" } else { yaml += "type: TB\n" }
            if Int.random(in: 0..<5, using: &g) == 0 { yaml += "id: \(["ho-so", "a", "2024-12-kh-ubnd", "x"].randomElement(using: &g)!)\n" }
            let folder = ["documents/", "documents/2024/"].randomElement(using: &g)!
            files.append(SourceFile(path: folder + stems.randomElement(using: &g)! + (Bool.random(using: &g) ? ".md" : ".MD"), text: yaml + "---\nx\n"))
        }
        var parsed: [RecordParser.Parsed] = []
        for file in files {
            if let item = RecordParser.parse(text: file.text, file: file.path, site: SiteConfig()).0 { parsed.append(item) }
        }
        var fastDiagnostics: [Diagnostic] = [], slowDiagnostics: [Diagnostic] = []
        var copy = parsed
        let fast = RecordIdentity.assignIDs(&copy, diagnostics: &fastDiagnostics)
        let slow = Self.referenceAssignIDs(parsed, diagnostics: &slowDiagnostics)
        #expect(fast.map(\.id) == slow.map(\.id))
        #expect(fast.map(\.file) == slow.map(\.file))
        #expect(fastDiagnostics == slowDiagnostics)
        #expect(!fastDiagnostics.isEmpty)
    }
}
