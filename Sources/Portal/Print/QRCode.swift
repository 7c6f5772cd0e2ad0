import CQRencode

/// A QR code symbol (ISO/IEC 18004) made by libqrencode: a square of dark and light modules.
public struct QRCode: Hashable, Sendable {
    /// Modules per side.
    public let size: Int
    /// `size * size` modules, row-major: `true` is dark.
    public let modules: [Bool]

    /// Error correction level M (15% of the symbol may be lost): enough for a paper notice that
    /// gets rained on, small enough to stay a version 3–4 symbol for a portal URL. libqrencode
    /// chooses the version and the mask.
    public init(encoding text: String) throws {
        guard !text.isEmpty, !text.utf8.contains(0),
              let encoded = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw QRCodeError(text: text) }
        defer { QRcode_free(encoded) }
        let size = Int(encoded.pointee.width)
        // libqrencode's module bytes: bit 0 is dark, the other bits say what the module is part of.
        let data = UnsafeBufferPointer(start: encoded.pointee.data, count: size * size)
        self.size = size
        self.modules = data.map { $0 & 1 == 1 }
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// Modules per side with the light margin the standard asks for (4 on each side), which is
    /// the side of `svgPath`'s drawing in modules.
    public static let quietZone = 4
    public var side: Int { size + 2 * Self.quietZone }

    /// The dark modules as one SVG path in module units, a light margin included: one `h` run per
    /// horizontal stretch of dark modules, so the drawing is sharp at any print resolution.
    public var svgPath: String {
        var path = ""
        path.reserveCapacity(size * size)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                let start = x
                while x < size, self[x, y] { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return path
    }
}

public struct QRCodeError: Error, CustomStringConvertible {
    public let text: String
    public var description: String {
        "không mã hoá được “\(text)” thành mã QR (rỗng hoặc quá dài) / cannot encode “\(text)” as a QR code (empty, or too long for a QR symbol)"
    }
}
