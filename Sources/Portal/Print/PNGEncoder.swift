import Foundation

/// Writes a `MonochromeBitmap` as a PNG file (ISO/IEC 15948): 1-bit greyscale, one IHDR, one IDAT
/// holding a zlib stream of "stored" (uncompressed) deflate blocks, and IEND. A QR code is a few
/// kilobytes this way, and no compression library is needed.
public enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public static func encode(_ bitmap: MonochromeBitmap) -> Data {
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(bitmap.width))
        header.appendBigEndian(UInt32(bitmap.height))
        // Bit depth 1, colour type 0 (greyscale), deflate, adaptive filtering, no interlace.
        header += [1, 0, 0, 0, 0]

        var png = signature
        png += chunk("IHDR", header)
        png += chunk("IDAT", ZlibStored.wrap(scanlines(bitmap)))
        png += chunk("IEND", [])
        return Data(png)
    }

    /// Each row: filter type 0 (none), then the pixels packed 8 to a byte, most significant bit
    /// first. In greyscale 0 is black, so a black pixel is a 0 bit.
    static func scanlines(_ bitmap: MonochromeBitmap) -> [UInt8] {
        let rowBytes = (bitmap.width + 7) / 8
        var out = [UInt8](repeating: 0, count: bitmap.height * (rowBytes + 1))
        for y in 0..<bitmap.height {
            let rowStart = y * (rowBytes + 1)
            out[rowStart] = 0
            for x in 0..<bitmap.width where !bitmap[x, y] {
                out[rowStart + 1 + x / 8] |= 0x80 >> UInt8(x % 8)
            }
            // Padding bits at the end of a row are left 0; decoders ignore them.
        }
        return out
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var out: [UInt8] = []
        out.appendBigEndian(UInt32(body.count))
        out += typeBytes
        out += body
        out.appendBigEndian(CRC32.checksum(typeBytes + body))
        return out
    }
}

/// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
enum ZlibStored {
    static let maxBlock = 65_535

    static func wrap(_ bytes: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32K window; FLG 0x01 makes (CMF << 8 | FLG) a multiple of 31.
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(maxBlock, bytes.count - offset)
            let isLast = offset + length == bytes.count
            out.append(isLast ? 1 : 0) // BFINAL, BTYPE = 00 (stored)
            out.appendLittleEndian(UInt16(length))
            out.appendLittleEndian(~UInt16(length))
            out += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        out.appendBigEndian(Adler32.checksum(bytes))
        return out
    }
}

/// CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320 reflected).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// Adler-32 (RFC 1950 §8), the checksum that ends a zlib stream.
enum Adler32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        // 5552 bytes is the most that can be summed before b may overflow 32 bits.
        var index = 0
        while index < bytes.count {
            let end = min(index + 5552, bytes.count)
            for byte in bytes[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65_521
            b %= 65_521
            index = end
        }
        return b << 16 | a
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendLittleEndian(_ value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }
}
