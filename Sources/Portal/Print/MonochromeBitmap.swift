/// A black-and-white raster image, row by row from the top left, packed 8 pixels to a byte: most
/// significant bit first, a 1 bit is black, each row padded with 0 bits to a whole byte. That is
/// the layout of a 1-bit PNG scanline (bar PNG's 0 for black), so encoding copies bytes instead of
/// testing pixels one by one.
public struct MonochromeBitmap: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Bytes per packed row: `(width + 7) / 8`.
    public let bytesPerRow: Int
    /// `height * bytesPerRow` bytes; the padding bits at the end of each row are 0.
    public let rows: [UInt8]

    /// Packs `width * height` pixels given row-major, `true` for black.
    public init(width: Int, height: Int, pixels: [Bool]) {
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
    public var pixels: [Bool] {
        var pixels: [Bool] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { pixels.append(self[x, y]) }
        }
        return pixels
    }

    public subscript(x: Int, y: Int) -> Bool {
        precondition((0..<width).contains(x) && (0..<height).contains(y), "pixel outside the image")
        return rows[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
    }
}
