/// A small deflate compressor (RFC 1951, one block of fixed Huffman codes) wrapped as a zlib
/// stream (RFC 1950), made for images whose bytes repeat at known distances.
///
/// Instead of searching a hash chain, it tries a match at each of the `distances` the caller
/// names — for a PNG, 1 (runs of one byte) and the scanline length (the same byte one row up) —
/// and takes the longest. A QR code drawn 8 pixels per module is runs of 0x00 and 0xFF repeated
/// for 8 rows, so it shrinks from ~14 KB to a few hundred bytes in one linear pass.
enum Deflate {
    /// The zlib stream of `data`: header, one final fixed-Huffman block, Adler-32.
    static func zlib(_ data: UnsafeRawBufferPointer, distances: [Int]) -> [UInt8] {
        var bits = BitWriter(capacity: data.count / 4 + 64)
        // CMF 0x78 (deflate, 32 KB window); FLG 0x01 makes the pair a multiple of 31.
        bits.bytes = [0x78, 0x01]
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE = 01, fixed Huffman codes
        let distances = distances.filter { $0 > 0 && $0 <= 32_768 }
        var i = 0
        while i < data.count {
            var bestLength = 0, bestDistance = 0
            for distance in distances where distance <= i {
                let length = matchLength(data, at: i, distance: distance, limit: min(258, data.count - i))
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
        bits.writeLiteral(256)  // end of block
        bits.flush()
        let adler = Adler32.checksum(data)
        bits.bytes += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        return bits.bytes
    }

    /// How many bytes from `i` on equal those `distance` bytes before them, up to `limit`;
    /// eight at a time while they last.
    private static func matchLength(_ data: UnsafeRawBufferPointer, at i: Int, distance: Int, limit: Int) -> Int {
        var length = 0
        while length + 8 <= limit {
            let a = data.loadUnaligned(fromByteOffset: i + length, as: UInt64.self)
            let b = data.loadUnaligned(fromByteOffset: i + length - distance, as: UInt64.self)
            if a != b { return length + (a ^ b).littleEndian.trailingZeroBitCount / 8 }
            length += 8
        }
        while length < limit, data[i + length] == data[i + length - distance] { length += 1 }
        return length
    }

    /// Lengths 3…258 as codes 257…285: the smallest length of each code and its extra bits.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                    67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Distances 1…32768 as codes 0…29.
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                      1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Packs bits least significant first, as deflate stores them; Huffman codes go most
    /// significant bit first, so they are reversed on the way in.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var used = 0

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

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

        /// A literal byte (0…255) or a length/end code (256…287) in the fixed code (RFC 1951 §3.2.6).
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

        /// Pads the last byte with zero bits.
        mutating func flush() {
            if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            used = 0
        }
    }
}
