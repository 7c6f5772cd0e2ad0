import CQRencode
import Foundation

/// A QR code symbol (ISO/IEC 18004) made by libqrencode: a square of dark and light modules.
public struct QRCode: Hashable, Sendable {
    /// Modules per side.
    public let size: Int
    /// `size * size` modules, row-major: `true` is dark.
    public let modules: [Bool]

    /// Error correction level M (15% of the symbol may be lost): enough for a paper notice that
    /// gets rained on, small enough to stay a version 3–4 symbol for a portal URL.
    ///
    /// The symbol is the one `QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M)` gives, module for
    /// module; but libqrencode encodes it once with mask 0, and `UnmaskedQRSymbol` picks the mask
    /// by libqrencode's rules on packed rows, which costs a fraction of its eight-mask search.
    public init(encoding text: String) throws {
        // Like QRcode_encodeString8bit: the bytes up to the first NUL, in 8-bit mode.
        let encoded: UnsafeMutablePointer<CQRencode.QRcode>? = text.withCString { string in
            let length = strlen(string)
            guard length > 0, let input = QRinput_new2(0, QR_ECLEVEL_M) else { return nil }
            defer { QRinput_free(input) }
            let bytes = UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self)
            guard QRinput_append(input, QR_MODE_8, Int32(truncatingIfNeeded: length), bytes) >= 0 else { return nil }
            return QRcode_encodeMask(input, 0)
        }
        guard let encoded else { throw QRCodeError(text: text) }
        defer { QRcode_free(encoded) }
        let size = Int(encoded.pointee.width)
        let symbol = UnmaskedQRSymbol(maskedWithMask0: encoded.pointee.data, size: size)
        let rows = symbol.maskedRows(symbol.bestMask())
        self.size = size
        let words = UnmaskedQRSymbol.stride
        var modules: [Bool] = []
        modules.reserveCapacity(size * size)
        for y in 0..<size {
            for x in 0..<size {
                let word: UInt64 = rows[y * words + x >> 6]
                modules.append(word >> UInt64(x & 63) & 1 == 1)
            }
        }
        self.modules = modules
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// The symbol as a PNG: `scale` pixels per module and a light margin of `quietZone` modules
    /// around it (the standard asks for 4, which readers rely on). The scanlines are written
    /// straight from the modules: each module row is packed once, then copied `scale` times.
    public func png(scale: Int = 8, quietZone: Int = 4) -> Data {
        precondition(scale > 0 && quietZone >= 0, "scale must be positive and the quiet zone not negative")
        let side = (size + 2 * quietZone) * scale
        return PNGEncoder.encode(width: side, height: side) { lines in
            let stride = (side + 7) / 8 + 1
            // A light row: filter byte 0, then 1 bits (greyscale 1 is white) up to the 0 padding.
            lines.initializeMemory(as: UInt8.self, repeating: 0xFF)
            let padding = 8 * (stride - 1) - side
            for line in 0..<side {
                lines[line * stride] = 0
                lines[line * stride + stride - 1] &= 0xFF << UInt8(padding)
            }
            let base = lines.baseAddress!.assumingMemoryBound(to: UInt8.self)
            modules.withUnsafeBufferPointer { modules in
                for y in 0..<size {
                    let first = (y + quietZone) * scale * stride
                    let row = UnsafeMutableBufferPointer(start: base + first + 1, count: stride - 1)
                    for x in 0..<size where modules[y * size + x] {
                        Self.clearBits(row, from: (x + quietZone) * scale, count: scale)
                    }
                    for copy in 1..<scale {
                        (base + first + copy * stride + 1).update(from: row.baseAddress!, count: stride - 1)
                    }
                }
            }
        }
    }

    /// Clears `count` bits of a packed row from bit `start` (0 is dark in a greyscale PNG).
    static func clearBits(_ row: UnsafeMutableBufferPointer<UInt8>, from start: Int, count: Int) {
        var bit = start
        let end = start + count
        while bit < end && bit % 8 != 0 {
            row[bit / 8] &= ~(0x80 >> UInt8(bit % 8))
            bit += 1
        }
        while end - bit >= 8 {
            row[bit / 8] = 0
            bit += 8
        }
        while bit < end {
            row[bit / 8] &= ~(0x80 >> UInt8(bit % 8))
            bit += 1
        }
    }
}

public struct QRCodeError: Error, CustomStringConvertible {
    public let text: String
    public var description: String { "cannot encode “\(text)” as a QR code (empty, or too long for a QR symbol)" }
}
