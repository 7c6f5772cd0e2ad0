import Foundation
import Testing
import TestSupport
@testable import Portal

/// The fast QR image path (packed bitmap, one output buffer, slicing-by-8 CRC-32, Adler-32 8 bytes
/// a step, `Deflate`) against the straightforward algorithms kept below as `ReferencePNG`: the
/// pixels must come back, for seeded random bitmaps of many sizes and for real QR codes.
@Suite("PNG encoder: fast path against the reference")
struct PNGEncoderTests {
    @Test("random bitmaps of many sizes and densities decode to their pixels")
    func randomBitmaps() throws {
        var random = SeededGenerator(seed: 0xC0FFEE)
        var sizes: [(Int, Int)] = []
        for width in 1...40 { sizes.append((width, Int(random.next() % 9) + 1)) }
        for _ in 0..<60 { sizes.append((Int(random.next() % 400) + 1, Int(random.next() % 60) + 1)) }
        // Large images, and matches that run across rows (the distance the encoder tries is a row).
        sizes += [(2048, 255), (2048, 256), (2047, 255), (800, 700), (1, 65_535), (1, 65_536), (4096, 100)]
        for (width, height) in sizes {
            let density = random.next() % 5 // 0 all light … 4 all dark, between: random
            let pixels = (0..<width * height).map { _ -> Bool in
                switch density {
                case 0: return false
                case 4: return true
                default: return random.next() % 4 < density
                }
            }
            let bitmap = MonochromeBitmap(width: width, height: height, pixels: pixels)
            #expect(bitmap.pixels == pixels, "\(width) × \(height)")
            let png = try DecodedPNG(PNGEncoder.encode(bitmap))
            #expect(png.width == width && png.height == height)
            #expect(png.pixels == pixels, "\(width) × \(height), density \(density)")
        }
    }

    @Test("QR images: the packed bitmap and its PNG equal the reference for many URLs, scales and margins")
    func qrImages() throws {
        var random = SeededGenerator(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
        for n in 0..<40 {
            let slug = String((0..<(Int(random.next() % 90) + 1)).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
            let url = "https://congkhai.example/van-ban/2024-\(n)-\(slug)/"
            let code = try QRCode(encoding: url)
            let reference = ReferencePNG.qrPixels(code, scale: 8, quietZone: 4)
            let bitmap = code.bitmap()
            #expect(bitmap.pixels == reference, "\(url)")
            let png = try DecodedPNG(PNGEncoder.encode(bitmap))
            #expect(png.pixels == reference)
        }
        let code = try QRCode(encoding: "https://example.org/")
        for scale in 1...11 {
            for quietZone in 0...5 {
                let bitmap = code.bitmap(scale: scale, quietZone: quietZone)
                #expect(bitmap.pixels == ReferencePNG.qrPixels(code, scale: scale, quietZone: quietZone), "scale \(scale), margin \(quietZone)")
            }
        }
    }

    @Test("a QR code's PNG, written straight from its modules, is the PNG of its bitmap, byte for byte")
    func qrPNGFromModules() throws {
        var random = SeededGenerator(seed: 88)
        for n in 0..<300 {
            let url = "https://congkhai.example/van-ban/2024-\(n)-" + String(repeating: "ab", count: random.below(100)) + "/"
            let code = try QRCode(encoding: url)
            #expect(code.png() == PNGEncoder.encode(code.bitmap()), "\(url)")
            let scale = 1 + random.below(11), quietZone = random.below(6)
            #expect(code.png(scale: scale, quietZone: quietZone) == PNGEncoder.encode(code.bitmap(scale: scale, quietZone: quietZone)),
                    "\(url), scale \(scale), margin \(quietZone)")
        }
    }

    @Test("CRC-32 and Adler-32 equal the reference on random data of many lengths")
    func checksumsAndStreams() {
        var random = SeededGenerator(seed: 7)
        var lengths = Array(0...70) + [5551, 5552, 5553, 11_104, 65_534, 65_535, 65_536, 131_070, 131_071, 200_000]
        for _ in 0..<20 { lengths.append(Int(random.next() % 20_000)) }
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(CRC32.checksum(bytes) == ReferencePNG.crc32(bytes), "CRC-32 of \(length) bytes")
            #expect(Adler32.checksum(bytes) == ReferencePNG.adler32(bytes), "Adler-32 of \(length) bytes")
        }
        // The largest sums Adler-32 can meet: all bytes 0xFF.
        for length in [5552, 5553, 100_000, 1_000_003] {
            let bytes = [UInt8](repeating: 0xFF, count: length)
            #expect(Adler32.checksum(bytes) == ReferencePNG.adler32(bytes), "Adler-32 of \(length) × 0xFF")
            #expect(CRC32.checksum(bytes) == ReferencePNG.crc32(bytes))
        }
    }
}


/// The checksums and QR rasteriser as first written (bit by bit, pixel by pixel): the
/// specification the fast path is checked against.
private enum ReferencePNG {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func qrPixels(_ code: QRCode, scale: Int, quietZone: Int) -> [Bool] {
        let side = (code.size + 2 * quietZone) * scale
        var pixels = [Bool](repeating: false, count: side * side)
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] {
                for dy in 0..<scale {
                    let row = ((y + quietZone) * scale + dy) * side
                    for dx in 0..<scale { pixels[row + (x + quietZone) * scale + dx] = true }
                }
            }
        }
        return pixels
    }
}
