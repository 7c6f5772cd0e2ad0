import CQRencode
import Foundation
import Testing
import TestSupport
@testable import Portal

/// `QRCode(encoding:)` encodes once with mask 0 and picks the mask itself (`UnmaskedQRSymbol`).
/// libqrencode's own eight-mask search, `QRcode_encodeString8bit`, is kept below as the
/// reference: every module must be the same, for seeded random texts of every kind and size.
@Suite("QR mask choice: packed rows against libqrencode")
struct QRMaskChoiceTests {
    /// The symbol libqrencode makes on its own, and the mask it chose (read back from the
    /// format information, bits 14…10 of which are the level and mask, XOR 0x5412).
    static func reference(_ text: String) -> (modules: [Bool], mask: Int)? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = code.pointee.data!
        let modules = (0..<size * size).map { data[$0] & 1 == 1 }
        // Format bits 0…7 run along row 8 from the right edge (Mask_writeFormatInformation).
        var low = 0
        for i in 0..<8 where modules[8 * size + size - 1 - i] { low |= 1 << i }
        let mask = QRMask.formatInformation.firstIndex { $0 & 0xFF == low } ?? -1
        return (modules, mask)
    }

    static func randomText(_ random: inout SeededGenerator, length: Int) -> String {
        let urlLetters = Array("abcdefghijklmnopqrstuvwxyz0123456789-/")
        let vietnamese = Array("aăâđeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐƠƯ")
        switch random.below(4) {
        case 0:  // a portal URL
            let slug = String((0..<max(1, length - 40)).map { _ in urlLetters[random.below(urlLetters.count)] })
            return "https://congkhai.xa-\(random.below(1000)).example.gov.vn/van-ban/\(slug)/"
        case 1:  // printable ASCII
            return String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(32 + random.below(95)))) })
        case 2:  // Vietnamese (two or three UTF-8 bytes a letter)
            return String((0..<length).map { _ in vietnamese[random.below(vietnamese.count)] })
        default:  // any scalar but NUL: control characters, CJK, emoji
            return String(String.UnicodeScalarView((0..<length).map { _ in
                let ranges: [ClosedRange<UInt32>] = [1...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
                let range = ranges[random.below(ranges.count)]
                return Unicode.Scalar(range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound + 1))))!
            }))
        }
    }

    @Test("thousands of random texts of 1–300 characters give libqrencode's modules; every mask is chosen")
    func randomTexts() throws {
        var random = SeededGenerator(seed: 0x51C0DE)
        var masks = [Int](repeating: 0, count: 8)
        for _ in 0..<4000 {
            let text = Self.randomText(&random, length: 1 + random.below(300))
            let reference = try #require(Self.reference(text), "libqrencode encodes \(text.utf8.count) bytes")
            let code = try QRCode(encoding: text)
            #expect(code.modules == reference.modules, "\(text)")
            masks[reference.mask] += 1
        }
        #expect(masks.allSatisfy { $0 > 100 }, "each mask is the best one for some texts: \(masks)")
    }

    @Test("large symbols: lines of two and three words, up to version 40")
    func largeSymbols() throws {
        var random = SeededGenerator(seed: 40)
        var sizes = Set<Int>()
        for length in [400, 700, 900, 1200, 1500, 1700, 1900, 2100, 2200, 2331] + (0..<40).map({ _ in 300 + random.below(2032) }) {
            let text = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(32 + random.below(95)))) })
            let reference = try #require(Self.reference(text))
            let code = try QRCode(encoding: text)
            #expect(code.modules == reference.modules, "\(length) bytes")
            sizes.insert(code.size)
        }
        #expect(sizes.contains(177) && sizes.contains { $0 > 64 && $0 <= 128 } && sizes.contains { $0 > 128 && $0 < 177 })
    }

    @Test("what libqrencode refuses is refused: empty, too long, or empty up to a NUL")
    func refusals() throws {
        for text in ["", String(repeating: "x", count: 2332), "\u{0}abc"] {
            #expect(Self.reference(text) == nil)
            #expect(throws: QRCodeError.self) { try QRCode(encoding: text) }
        }
        // Only the bytes before a NUL are encoded, as by QRcode_encodeString8bit.
        #expect(try QRCode(encoding: "abc\u{0}def").modules == Self.reference("abc").map(\.modules))
    }

    /// libqrencode's own `Mask_calcRunLengthH` and `Mask_calcN1N3`: exported by the library (built
    /// with its tests), though not declared in qrencode.h.
    typealias RunLengths = @convention(c) (Int32, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Int32>) -> Int32
    typealias RunDemerit = @convention(c) (Int32, UnsafeMutablePointer<Int32>) -> Int32
    static func libqrencodeLineFunctions() -> (runLengths: RunLengths, runDemerit: RunDemerit)? {
        guard let library = dlopen("libqrencode.so.4", RTLD_NOW),
              let runLengths = dlsym(library, "Mask_calcRunLengthH"), let runDemerit = dlsym(library, "Mask_calcN1N3") else { return nil }
        return (unsafeBitCast(runLengths, to: RunLengths.self), unsafeBitCast(runDemerit, to: RunDemerit.self))
    }

    @Test("N1 and N3 of a line, 64 modules at a time, as libqrencode counts them over its runs")
    func lineDemerits() throws {
        let libqrencode = try #require(Self.libqrencodeLineFunctions())
        func reference(_ line: inout [UInt8]) -> Int {
            var runs = [Int32](repeating: 0, count: 178)
            let count = libqrencode.runLengths(Int32(line.count), &line, &runs)
            return Int(libqrencode.runDemerit(count, &runs))
        }
        var random = SeededGenerator(seed: 113)
        var finderLike = 0
        for n in 0..<30_000 {
            // Lines of every QR size, made of runs; often 1:1:3:1:1 times f, with light around it.
            let size = 21 + 4 * random.below(40)
            var line: [UInt8] = []
            var dark = random.below(2) == 0
            while line.count < size {
                if random.below(4) == 0 {
                    let f = 1 + random.below(random.below(3) == 0 ? 8 : 2)
                    let light = [f, 4 * f - 1, 4 * f, 4 * f + 1, f + 1][random.below(5)]
                    if dark { line += [UInt8](repeating: 0, count: light) }
                    for (i, length) in [f, f, 3 * f, f, f].enumerated() { line += [UInt8](repeating: i % 2 == 0 ? 1 : 0, count: length) }
                    line += [UInt8](repeating: 0, count: [f, 4 * f - 1, 4 * f, 4 * f + 1, f + 1, 0][random.below(6)])
                    dark = true
                } else {
                    line += [UInt8](repeating: dark ? 1 : 0, count: 1 + random.below(random.below(4) == 0 ? 12 : 4))
                    dark.toggle()
                }
            }
            line = Array(line.prefix(size))
            var words = [UInt64](repeating: 0, count: UnmaskedQRSymbol.stride)
            for (x, module) in line.enumerated() where module == 1 { words[x >> 6] |= 1 << UInt64(x & 63) }
            let ours = words.withUnsafeBufferPointer { PackedLine($0.baseAddress!, count: size).demerit }
            let theirs = reference(&line)
            #expect(ours == theirs, "case \(n): \(line.map(String.init).joined())")
            // N1 alone, to tell whether N3 was reached.
            var n1 = 0, x = 0
            while x < size {
                var end = x
                while end < size && line[end] == line[x] { end += 1 }
                if end - x >= 5 { n1 += end - x - 2 }
                x = end
            }
            if theirs > n1 { finderLike += 1 }
        }
        #expect(finderLike > 3000, "the cases reach the N3 rule: \(finderLike)")
    }
}
