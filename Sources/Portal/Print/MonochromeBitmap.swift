/// A black-and-white raster image, row by row from the top left: `true` is a black pixel.
public struct MonochromeBitmap: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height` pixels, row-major.
    public private(set) var pixels: [Bool]

    public init(width: Int, height: Int, pixels: [Bool]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixels must hold width × height values")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> Bool { pixels[y * width + x] }
}
