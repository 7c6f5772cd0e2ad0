import Foundation
import Testing
import TestSupport
@testable import Portal

/// The deflate compressor of the QR images: every stream inflates (with zlib itself, through
/// Python) to exactly the bytes that went in, and QR-like scanlines shrink a lot.
@Suite("Deflate")
struct DeflateTests {
    /// Inflates with the reference implementation (zlib, through python3).
    static func inflate(_ stream: [UInt8]) throws -> [UInt8] {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"]
        let input = Pipe(), output = Pipe()
        python.standardInput = input
        python.standardOutput = output
        try python.run()
        input.fileHandleForWriting.write(Data(stream))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "zlib rejected the stream")
        return [UInt8](data)
    }

    static func compress(_ bytes: [UInt8], distances: [Int]) -> [UInt8] {
        bytes.withUnsafeBytes { Deflate.zlib($0, distances: distances) }
    }

    @Test("random inputs with runs and repeated rows round-trip through zlib")
    func roundTrips() throws {
        var random = SeededGenerator(seed: 7)
        var inputs: [([UInt8], [Int])] = [([], [1]), ([42], [1]), ([1, 1, 1, 1, 1, 1], [1]), (Array(repeating: 0, count: 70_000), [1])]
        for _ in 0..<40 {
            let row = Int.random(in: 1...80, using: &random)
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...120, using: &random) {
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where bytes.count >= row: bytes += bytes[(bytes.count - row)...]  // the row above
                case 1: bytes += Array(repeating: UInt8.random(in: 0...255, using: &random), count: Int.random(in: 1...300, using: &random))
                default: bytes += (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                }
            }
            inputs.append((bytes, [1, row]))
        }
        for (bytes, distances) in inputs {
            let stream = Self.compress(bytes, distances: distances)
            #expect(try Self.inflate(stream) == bytes)
            #expect(try TestInflate.zlib(stream) == bytes, "the tests' own inflater agrees with zlib")
        }
    }

    @Test("every match length and a far distance are coded right")
    func lengthsAndDistances() throws {
        for length in [3, 4, 10, 11, 12, 18, 34, 35, 130, 131, 226, 227, 257, 258, 259, 600] {
            let head = (0..<300).map { UInt8($0 % 251) }
            let bytes = head + head.prefix(length % 300) + Array(repeating: 9, count: length)
            #expect(try Self.inflate(Self.compress(bytes, distances: [1, 300, 299])) == bytes)
        }
        let far = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let bytes = far + far.prefix(500)
        #expect(try Self.inflate(Self.compress(bytes, distances: [far.count])) == bytes)  // beyond 32 KB: ignored
        #expect(try Self.inflate(Self.compress(bytes, distances: [32_768])) == bytes)
    }

    @Test("a QR code's scanlines shrink to a small fraction")
    func qrScanlinesShrink() throws {
        let code = try QRCode(encoding: "https://dongson.example.gov.vn/van-ban/2024-127-kh-ubnd/")
        let bitmap = code.bitmap(scale: 8, quietZone: 4)
        var lines = [UInt8](repeating: 0, count: bitmap.height * (bitmap.bytesPerRow + 1))
        lines.withUnsafeMutableBytes { PNGEncoder.scanlines(bitmap, into: $0) }
        let stream = Self.compress(lines, distances: [1, bitmap.bytesPerRow + 1])
        #expect(try Self.inflate(stream) == lines)
        #expect(stream.count * 10 < lines.count, "\(stream.count) bytes for \(lines.count)")
    }
}


/// A small zlib inflater for the tests (stored and fixed-Huffman blocks, which is all `Deflate`
/// writes), so PNGs can be decoded without a library; checked against zlib in `DeflateTests`.
enum TestInflate {
    struct Malformed: Error, CustomStringConvertible { let description: String }

    static func zlib(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 6, stream[0] & 0x0F == 8, (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0 else {
            throw Malformed(description: "not a zlib header")
        }
        var bits = BitReader(bytes: stream, position: 2)
        var out: [UInt8] = []
        var final = false
        while !final {
            final = try bits.read(1) == 1
            switch try bits.read(2) {
            case 0:
                bits.alignToByte()
                let length = try bits.read(16), inverse = try bits.read(16)
                guard length == ~inverse & 0xFFFF else { throw Malformed(description: "LEN and NLEN disagree") }
                for _ in 0..<length { out.append(UInt8(try bits.read(8))) }
            case 1:
                while true {
                    let symbol = try bits.fixedSymbol()
                    if symbol < 256 { out.append(UInt8(symbol)); continue }
                    if symbol == 256 { break }
                    let code = symbol - 257
                    guard code < Deflate.lengthBase.count else { throw Malformed(description: "bad length code") }
                    let length = Deflate.lengthBase[code] + (try bits.read(Deflate.lengthExtra[code]))
                    let distanceCode = try bits.readCode(5)
                    guard distanceCode < Deflate.distanceBase.count else { throw Malformed(description: "bad distance code") }
                    let distance = Deflate.distanceBase[distanceCode] + (try bits.read(Deflate.distanceExtra[distanceCode]))
                    guard distance <= out.count else { throw Malformed(description: "distance before the start") }
                    for _ in 0..<length { out.append(out[out.count - distance]) }
                }
            default:
                throw Malformed(description: "dynamic or reserved block type")
            }
        }
        bits.alignToByte()
        let adler = try (0..<4).reduce(UInt32(0)) { sum, _ in sum << 8 | UInt32(try bits.read(8)) }
        guard adler == Adler32.checksum(out) else { throw Malformed(description: "bad Adler-32") }
        return out
    }

    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var bit = 0

        mutating func read(_ count: Int) throws -> Int {
            var value = 0
            for i in 0..<count {
                guard position < bytes.count else { throw Malformed(description: "stream ends early") }
                value |= Int(bytes[position] >> UInt8(bit) & 1) << i
                bit += 1
                if bit == 8 { bit = 0; position += 1 }
            }
            return value
        }

        /// A Huffman code: most significant bit first.
        mutating func readCode(_ count: Int) throws -> Int {
            var value = 0
            for _ in 0..<count { value = value << 1 | (try read(1)) }
            return value
        }

        mutating func fixedSymbol() throws -> Int {
            var code = try readCode(7)
            if code <= 0x17 { return 256 + code }
            code = code << 1 | (try read(1))
            if (0x30...0xBF).contains(code) { return code - 0x30 }
            if (0xC0...0xC7).contains(code) { return 280 + code - 0xC0 }
            code = code << 1 | (try read(1))
            return 144 + code - 0x190
        }

        mutating func alignToByte() {
            if bit > 0 { bit = 0; position += 1 }
        }
    }
}
