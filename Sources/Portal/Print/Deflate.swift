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
        [UInt8](unsafeUninitializedCapacity: maxZlibCount(data.count)) { buffer, count in
            count = zlib(data, distances: distances, into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// The most bytes `zlib` can take for `count` bytes: every byte a 9-bit literal.
    static func maxZlibCount(_ count: Int) -> Int { 2 + (3 + 9 * count + 7 + 7) / 8 + 4 }

    /// Writes the zlib stream of `data` to the front of `out` (at least `maxZlibCount` bytes) and
    /// returns its length.
    static func zlib(_ data: UnsafeRawBufferPointer, distances: [Int], into out: UnsafeMutableRawBufferPointer) -> Int {
        precondition(out.count >= maxZlibCount(data.count), "the output buffer is too small")
        // CMF 0x78 (deflate, 32 KB window); FLG 0x01 makes the pair a multiple of 31.
        out[0] = 0x78
        out[1] = 0x01
        var bits = BitWriter(out, at: 2)
        bits.write(0b011, count: 3)  // BFINAL, then BTYPE = 01: fixed Huffman codes
        let distances = distances.filter { $0 > 0 && $0 <= 32_768 }
        let distanceCodes = distances.map(FixedCode.distance)
        FixedCode.literals.withUnsafeBufferPointer { literals in
            FixedCode.lengths.withUnsafeBufferPointer { lengths in
                var i = 0
                while i < data.count {
                    var bestLength = 0, best = 0
                    for (index, distance) in distances.enumerated() where distance <= i {
                        let length = matchLength(data, at: i, distance: distance, limit: min(258, data.count - i))
                        if length > bestLength { bestLength = length; best = index }
                    }
                    if bestLength >= 3 {
                        bits.write(lengths[bestLength])
                        bits.write(distanceCodes[best])
                        i += bestLength
                    } else {
                        bits.write(literals[Int(data[i])])
                        i += 1
                    }
                }
                bits.write(literals[256])  // end of block
            }
        }
        var end = bits.flush()
        out.storeBytes(of: Adler32.checksum(data).bigEndian, toByteOffset: end, as: UInt32.self)
        end += 4
        return end
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

    /// The fixed Huffman code (RFC 1951 §3.2.6) as ready-made bit strings: each symbol's code
    /// reversed (deflate stores Huffman codes most significant bit first, everything else least
    /// significant first), with a length's or distance's extra bits after it, in one write.
    struct FixedCode {
        var bits: UInt64
        var count: Int

        /// `code` (`count` bits, most significant first) as deflate stores it.
        init(huffman code: Int, count: Int) {
            var reversed: UInt64 = 0
            for bit in 0..<count where code & (1 << (count - 1 - bit)) != 0 { reversed |= 1 << UInt64(bit) }
            bits = reversed
            self.count = count
        }

        /// This code followed by `extraCount` extra bits holding `extra`.
        func followed(by extra: Int, count extraCount: Int) -> FixedCode {
            var code = self
            code.bits |= UInt64(extra) << UInt64(count)
            code.count += extraCount
            return code
        }

        /// A literal byte (0…255) or a length/end code (256…287).
        static func literal(_ symbol: Int) -> FixedCode {
            switch symbol {
            case 0...143: FixedCode(huffman: 0x30 + symbol, count: 8)
            case 144...255: FixedCode(huffman: 0x190 + symbol - 144, count: 9)
            case 256...279: FixedCode(huffman: symbol - 256, count: 7)
            default: FixedCode(huffman: 0xC0 + symbol - 280, count: 8)
            }
        }

        /// `literals[n]`: byte n, and 256 the end of the block.
        static let literals = (0...256).map(literal)

        /// `lengths[n]`: a match of n bytes (3…258) with its extra bits.
        static let lengths = (0...258).map { length -> FixedCode in
            guard length >= 3 else { return FixedCode(huffman: 0, count: 0) }
            let code = lengthBase.lastIndex { $0 <= length }!
            return literal(257 + code).followed(by: length - lengthBase[code], count: lengthExtra[code])
        }

        /// A distance (1…32768) with its extra bits; distance codes are 5 bits.
        static func distance(_ distance: Int) -> FixedCode {
            let code = distanceBase.lastIndex { $0 <= distance }!
            return FixedCode(huffman: code, count: 5).followed(by: distance - distanceBase[code], count: distanceExtra[code])
        }
    }

    /// Packs bits least significant first into a buffer sized beforehand, 8 bytes at a time.
    struct BitWriter {
        private let out: UnsafeMutableRawBufferPointer
        private var position: Int
        private var buffer: UInt64 = 0
        private var used = 0

        init(_ out: UnsafeMutableRawBufferPointer, at position: Int) {
            self.out = out
            self.position = position
        }

        @inline(__always)
        mutating func write(_ code: FixedCode) { write(code.bits, count: code.count) }

        /// Up to 32 bits.
        @inline(__always)
        mutating func write(_ value: UInt64, count: Int) {
            buffer |= value << UInt64(used)
            used += count
            if used >= 32 {
                out.storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, toByteOffset: position, as: UInt32.self)
                position += 4
                buffer >>= 32
                used -= 32
            }
        }

        /// Writes the bits left, the last byte padded with zero bits, and returns the end position.
        mutating func flush() -> Int {
            while used > 0 {
                out[position] = UInt8(truncatingIfNeeded: buffer)
                position += 1
                buffer >>= 8
                used -= min(used, 8)
            }
            return position
        }
    }
}
