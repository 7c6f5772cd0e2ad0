import Foundation
@testable import Portal

// The reference image path the tests compare the print notices' QR images with: the symbol as a
// bitmap, and a bitmap as a PNG. The portal itself writes the PNG straight from the modules
// (`QRCode.png`).

/// A black-and-white raster image, row by row from the top left, packed 8 pixels to a byte: most
/// significant bit first, a 1 bit is black, each row padded with 0 bits to a whole byte. That is
/// the layout of a 1-bit PNG scanline (bar PNG's 0 for black), so encoding copies bytes instead of
/// testing pixels one by one.
struct MonochromeBitmap: Hashable, Sendable {
    let width: Int
    let height: Int
    /// Bytes per packed row: `(width + 7) / 8`.
    let bytesPerRow: Int
    /// `height * bytesPerRow` bytes; the padding bits at the end of each row are 0.
    let rows: [UInt8]

    /// Packs `width * height` pixels given row-major, `true` for black.
    init(width: Int, height: Int, pixels: [Bool]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixels must hold width × height values")
        let bytesPerRow = (width + 7) / 8
        var rows = [UInt8](repeating: 0, count: height * bytesPerRow)
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] {
                rows[y * bytesPerRow + x / 8] |= 0x80 >> UInt8(x % 8)
            }
        }
        self.init(width: width, height: height, rows: rows)
    }

    /// An image from rows already packed (see `rows`).
    init(width: Int, height: Int, rows: [UInt8]) {
        let bytesPerRow = (width + 7) / 8
        precondition(width > 0 && height > 0 && rows.count == height * bytesPerRow, "rows must hold height × ⌈width / 8⌉ bytes")
        precondition(width % 8 == 0 || (0..<height).allSatisfy { rows[$0 * bytesPerRow + bytesPerRow - 1] & (0xFF >> UInt8(width % 8)) == 0 },
                     "padding bits must be 0")
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow
        self.rows = rows
    }

    /// `width * height` pixels, row-major, `true` for black.
    var pixels: [Bool] {
        var pixels: [Bool] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { pixels.append(self[x, y]) }
        }
        return pixels
    }

    subscript(x: Int, y: Int) -> Bool {
        precondition((0..<width).contains(x) && (0..<height).contains(y), "pixel outside the image")
        return rows[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
    }
}

extension QRCode {
    /// The symbol as an image: `scale` pixels per module and a light margin of `quietZone`
    /// modules around it (the standard asks for 4, which readers rely on). Each module row is
    /// packed once, then copied `scale` times.
    func bitmap(scale: Int = 8, quietZone: Int = 4) -> MonochromeBitmap {
        precondition(scale > 0 && quietZone >= 0, "scale must be positive and the quiet zone not negative")
        let side = (size + 2 * quietZone) * scale
        let bytesPerRow = (side + 7) / 8
        var rows = [UInt8](repeating: 0, count: side * bytesPerRow)
        rows.withUnsafeMutableBufferPointer { rows in
            modules.withUnsafeBufferPointer { modules in
                for y in 0..<size {
                    let first = (y + quietZone) * scale * bytesPerRow
                    let row = UnsafeMutableBufferPointer(rebasing: rows[first..<first + bytesPerRow])
                    for x in 0..<size where modules[y * size + x] {
                        Self.setBits(row, from: (x + quietZone) * scale, count: scale)
                    }
                    for copy in 1..<scale {
                        let start = first + copy * bytesPerRow
                        _ = UnsafeMutableBufferPointer(rebasing: rows[start..<start + bytesPerRow]).update(fromContentsOf: row)
                    }
                }
            }
        }
        return MonochromeBitmap(width: side, height: side, rows: rows)
    }

    /// Sets `count` bits of a packed row from bit `start` (most significant bit first): whole
    /// bytes at once, single bits at the ragged ends.
    static func setBits(_ row: UnsafeMutableBufferPointer<UInt8>, from start: Int, count: Int) {
        var bit = start
        let end = start + count
        while bit < end && bit % 8 != 0 {
            row[bit / 8] |= 0x80 >> UInt8(bit % 8)
            bit += 1
        }
        while end - bit >= 8 {
            row[bit / 8] = 0xFF
            bit += 8
        }
        while bit < end {
            row[bit / 8] |= 0x80 >> UInt8(bit % 8)
            bit += 1
        }
    }
}

extension PNGEncoder {
    static func encode(_ bitmap: MonochromeBitmap) -> Data {
        encode(width: bitmap.width, height: bitmap.height) { scanlines(bitmap, into: $0) }
    }

    /// Each row: filter type 0 (none), then the pixels packed 8 to a byte, most significant bit
    /// first. In greyscale 0 is black, so the bitmap's bits are inverted; the padding bits at the end
    /// of a row stay 0 (decoders ignore them).
    static func scanlines(_ bitmap: MonochromeBitmap, into out: UnsafeMutableRawBufferPointer) {
        let rowBytes = bitmap.bytesPerRow
        let lastMask: UInt8 = bitmap.width % 8 == 0 ? 0xFF : ~(0xFF >> UInt8(bitmap.width % 8))
        precondition(out.count == bitmap.height * (rowBytes + 1))
        bitmap.rows.withUnsafeBytes { rows in
            var target = 0, source = 0
            for _ in 0..<bitmap.height {
                out[target] = 0
                // Eight bytes a step, then the rest one by one.
                var i = 0
                while rowBytes - i >= 8 {
                    let word = rows.loadUnaligned(fromByteOffset: source + i, as: UInt64.self)
                    out.storeBytes(of: ~word, toByteOffset: target + 1 + i, as: UInt64.self)
                    i += 8
                }
                while i < rowBytes {
                    out[target + 1 + i] = ~rows[source + i]
                    i += 1
                }
                out[target + rowBytes] &= lastMask
                target += rowBytes + 1
                source += rowBytes
            }
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
