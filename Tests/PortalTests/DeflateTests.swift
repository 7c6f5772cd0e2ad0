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
            #expect(stream == ReferenceDeflate.zlib(bytes, distances: distances), "the same bytes as the first coder")
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

    @Test("the table-driven coder writes the first coder's bytes: QR scanlines, every length, far distances")
    func sameStreamAsReference() throws {
        var random = SeededGenerator(seed: 1951)
        for n in 0..<200 {
            let url = "https://congkhai.example/van-ban/\(n)-" + String(repeating: "x", count: random.below(120)) + "/"
            let bitmap = try QRCode(encoding: url).bitmap(scale: 1 + random.below(9), quietZone: random.below(5))
            var lines = [UInt8](repeating: 0, count: bitmap.height * (bitmap.bytesPerRow + 1))
            lines.withUnsafeMutableBytes { PNGEncoder.scanlines(bitmap, into: $0) }
            let distances = [1, bitmap.bytesPerRow + 1]
            #expect(Self.compress(lines, distances: distances) == ReferenceDeflate.zlib(lines, distances: distances), "\(url)")
        }
        let head = (0..<300).map { UInt8($0 % 251) }
        for length in 0...300 {
            let bytes = head + head.prefix(length) + Array(repeating: UInt8(length % 7), count: length)
            #expect(Self.compress(bytes, distances: [1, 300, 299]) == ReferenceDeflate.zlib(bytes, distances: [1, 300, 299]), "length \(length)")
        }
        let far = (0..<40_000).map { _ in UInt8(random.below(3)) }
        for distance in [2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 17, 100, 1000, 4097, 8192, 16_385, 24_577, 32_768, 32_769] {
            #expect(Self.compress(far, distances: [distance, 1]) == ReferenceDeflate.zlib(far, distances: [distance, 1]), "distance \(distance)")
        }
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


/// The deflate coder as first written (a code looked up and bit-reversed per symbol, bytes
/// appended one by one): the reference the table-driven `Deflate` must match byte for byte.
enum ReferenceDeflate {
    static func zlib(_ data: [UInt8], distances: [Int]) -> [UInt8] {
        var bits = BitWriter()
        bits.bytes = [0x78, 0x01]
        bits.write(1, count: 1)
        bits.write(1, count: 2)
        let distances = distances.filter { $0 > 0 && $0 <= 32_768 }
        var i = 0
        while i < data.count {
            var bestLength = 0, bestDistance = 0
            for distance in distances where distance <= i {
                var length = 0
                while length < min(258, data.count - i), data[i + length] == data[i + length - distance] { length += 1 }
                if length > bestLength { bestLength = length; bestDistance = distance }
            }
            if bestLength >= 3 {
                bits.writeLength(bestLength)
                bits.writeDistance(bestDistance)
                i += bestLength
            } else {
                bits.writeLiteral(Int(data[i]))
                i += 1
            }
        }
        bits.writeLiteral(256)
        bits.flush()
        let adler = Adler32.checksum(data)
        return bits.bytes + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var used = 0

        mutating func write(_ value: Int, count: Int) {
            buffer |= UInt64(value) << UInt64(used)
            used += count
            while used >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                used -= 8
            }
        }

        mutating func writeCode(_ code: Int, count: Int) {
            var reversed = 0
            for bit in 0..<count where code & (1 << (count - 1 - bit)) != 0 { reversed |= 1 << bit }
            write(reversed, count: count)
        }

        mutating func writeLiteral(_ symbol: Int) {
            switch symbol {
            case 0...143: writeCode(0x30 + symbol, count: 8)
            case 144...255: writeCode(0x190 + symbol - 144, count: 9)
            case 256...279: writeCode(symbol - 256, count: 7)
            default: writeCode(0xC0 + symbol - 280, count: 8)
            }
        }

        mutating func writeLength(_ length: Int) {
            var code = Deflate.lengthBase.count - 1
            while Deflate.lengthBase[code] > length { code -= 1 }
            writeLiteral(257 + code)
            write(length - Deflate.lengthBase[code], count: Deflate.lengthExtra[code])
        }

        mutating func writeDistance(_ distance: Int) {
            var code = Deflate.distanceBase.count - 1
            while Deflate.distanceBase[code] > distance { code -= 1 }
            writeCode(code, count: 5)
            write(distance - Deflate.distanceBase[code], count: Deflate.distanceExtra[code])
        }

        mutating func flush() {
            if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            used = 0
        }
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
