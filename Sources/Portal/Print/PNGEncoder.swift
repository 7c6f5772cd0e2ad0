import Foundation

/// Writes a 1-bit image as a PNG file (ISO/IEC 15948): 1-bit greyscale, one IHDR, one IDAT
/// holding the scanlines compressed by `Deflate`, and IEND. A QR code takes a few hundred bytes
/// this way (a reader's phone loads it at once), and no compression library is needed.
public enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG of a `width` × `height` image whose scanlines (`height` × (⌈`width` / 8⌉ + 1)
    /// bytes, each a filter byte and the packed pixels) `writeScanlines` writes. The scanlines and
    /// the file are made in one scratch buffer; only the finished file is copied out.
    static func encode(width: Int, height: Int, scanlines writeScanlines: (UnsafeMutableRawBufferPointer) -> Void) -> Data {
        let stride = (width + 7) / 8 + 1
        let linesCount = height * stride
        // Signature, IHDR (13 bytes of body), IDAT, IEND; each chunk adds length, type and CRC.
        let maxCount = signature.count + (12 + 13) + (12 + Deflate.maxZlibCount(linesCount)) + 12
        return withUnsafeTemporaryAllocation(byteCount: linesCount + maxCount, alignment: 8) { scratch in
            let lines = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<linesCount])
            writeScanlines(lines)
            var out = ByteWriter(UnsafeMutableRawBufferPointer(rebasing: scratch[linesCount...]))
            out.append(signature)
            out.chunk("IHDR") { out in
                out.appendBigEndian(UInt32(width))
                out.appendBigEndian(UInt32(height))
                // Bit depth 1, colour type 0 (greyscale), deflate, adaptive filtering, no interlace.
                out.append([1, 0, 0, 0, 0])
            }
            out.chunk("IDAT") { out in
                // Runs of one byte and rows equal to the row above are what a QR image is made of.
                out.position += Deflate.zlib(UnsafeRawBufferPointer(lines), distances: [1, stride], into: out.rest)
            }
            out.chunk("IEND") { _ in }
            return Data(UnsafeRawBufferPointer(rebasing: out.buffer[0..<out.position]))
        }
    }
}

/// Writes bytes front to back into a buffer sized beforehand.
struct ByteWriter {
    let buffer: UnsafeMutableRawBufferPointer
    var position = 0

    init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + bytes.count]).copyMemory(from: bytes)
        position += bytes.count
    }

    mutating func appendBigEndian(_ value: UInt32) {
        buffer.storeBytes(of: value.bigEndian, toByteOffset: position, as: UInt32.self)
        position += 4
    }

    /// The buffer after the bytes written.
    var rest: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(rebasing: buffer[position...]) }

    /// A PNG chunk: length, type, the body `writeBody` writes, and the CRC-32 of type and body.
    mutating func chunk(_ type: StaticString, _ writeBody: (inout ByteWriter) -> Void) {
        let lengthPosition = position
        position += 4
        let typeStart = position
        type.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        writeBody(&self)
        buffer.storeBytes(of: UInt32(position - typeStart - 4).bigEndian, toByteOffset: lengthPosition, as: UInt32.self)
        appendBigEndian(CRC32.checksum(UnsafeRawBufferPointer(rebasing: buffer[typeStart..<position])))
    }
}

/// CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320 reflected), slicing by 8: eight tables
/// let one step take 8 bytes. `tables[k * 256 + n]` is the CRC of byte n followed by k zero bytes.
enum CRC32 {
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let previous = tables[(k - 1) * 256 + n]
                tables[k * 256 + n] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            var crc: UInt32 = 0xFFFF_FFFF
            var index = 0
            while bytes.count - index >= 8 {
                let low = crc ^ UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self))
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int(low >> 8 & 0xFF)]
                    ^ t[5 * 256 + Int(low >> 16 & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int(high >> 8 & 0xFF)]
                    ^ t[1 * 256 + Int(high >> 16 & 0xFF)] ^ t[Int(high >> 24)]
                index += 8
            }
            while index < bytes.count {
                crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }
}

/// Adler-32 (RFC 1950 §8), the checksum that ends a zlib stream. The sums are reduced modulo 65521
/// once per 5552 bytes, the most that can be summed before b may overflow 32 bits, and taken 8
/// bytes a step: over 8 bytes x0…x7, b grows by 8·a + 8·x0 + 7·x1 + … + 1·x7.
enum Adler32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let end = min(index + 5552, bytes.count) // 5552 is a multiple of 8
            while end - index >= 8 {
                let x0 = UInt32(bytes[index]), x1 = UInt32(bytes[index + 1]), x2 = UInt32(bytes[index + 2])
                let x3 = UInt32(bytes[index + 3]), x4 = UInt32(bytes[index + 4]), x5 = UInt32(bytes[index + 5])
                let x6 = UInt32(bytes[index + 6]), x7 = UInt32(bytes[index + 7])
                b &+= 8 &* a &+ 8 &* x0 &+ 7 &* x1 &+ 6 &* x2 &+ 5 &* x3 &+ 4 &* x4 &+ 3 &* x5 &+ 2 &* x6 &+ x7
                a &+= x0 &+ x1 &+ x2 &+ x3 &+ x4 &+ x5 &+ x6 &+ x7
                index += 8
            }
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= 65_521
            b %= 65_521
        }
        return b << 16 | a
    }
}
