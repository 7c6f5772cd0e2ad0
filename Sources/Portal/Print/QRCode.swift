import CQRencode

/// A QR code symbol (ISO/IEC 18004) made by libqrencode: a square of dark and light modules.
public struct QRCode: Hashable, Sendable {
    /// Modules per side.
    public let size: Int
    /// `size * size` modules, row-major: `true` is dark.
    public let modules: [Bool]

    /// Error correction level M (15% of the symbol may be lost): enough for a paper notice that
    /// gets rained on, small enough to stay a version 3–4 symbol for a portal URL.
    public init(encoding text: String) throws {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            throw QRCodeError(text: text)
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        self.size = size
        // libqrencode's byte per module: bit 0 is the colour, the other bits describe the module's role.
        modules = (0..<size * size).map { code.pointee.data[$0] & 1 == 1 }
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// The symbol as an image: `scale` pixels per module and a light margin of `quietZone`
    /// modules around it (the standard asks for 4, which readers rely on).
    public func bitmap(scale: Int = 8, quietZone: Int = 4) -> MonochromeBitmap {
        let side = (size + 2 * quietZone) * scale
        var pixels = [Bool](repeating: false, count: side * side)
        for y in 0..<size {
            for x in 0..<size where self[x, y] {
                for dy in 0..<scale {
                    let row = ((y + quietZone) * scale + dy) * side
                    for dx in 0..<scale { pixels[row + (x + quietZone) * scale + dx] = true }
                }
            }
        }
        return MonochromeBitmap(width: side, height: side, pixels: pixels)
    }
}

public struct QRCodeError: Error, CustomStringConvertible {
    public let text: String
    public var description: String { "cannot encode “\(text)” as a QR code (empty, or too long for a QR symbol)" }
}
