/// A 128-bit digest that is the same on every run and machine (unlike `Hasher`): the build
/// cache's key for page views and for records. Two multiply-xorshift lanes, not cryptographic:
/// a collision can only keep a stale cached result, and the inputs are the commune's own files.
public struct StableDigest: Hashable, Sendable, CustomStringConvertible {
    public var a: UInt64
    public var b: UInt64

    public var description: String { String(a, radix: 16) + "-" + String(b, radix: 16) }

    public init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

    /// Reads `description`'s form back.
    public init?(_ text: Substring) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let a = UInt64(parts[0], radix: 16), let b = UInt64(parts[1], radix: 16) else { return nil }
        self.a = a
        self.b = b
    }
}

/// Feeds words, strings and bytes into the two lanes of a `StableDigest`.
public struct StableHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    public init() {}

    public mutating func combine(_ word: UInt64) {
        count &+= 1
        a = Self.mix(a ^ word, 0xFF51_AFD7_ED55_8CCD)
        b = Self.mix(b &+ word &+ count, 0xC4CE_B9FE_1A85_EC53)
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { bytes in combine(bytes) }
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { combine($0) }
    }

    public mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
        combine(UInt64(bytes.count))
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        let raw = UnsafeRawPointer(base)
        while offset + 8 <= bytes.count {
            combine(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        combine(tail)
    }

    public func finish() -> StableDigest {
        StableDigest(a: Self.mix(a ^ count, 0xFF51_AFD7_ED55_8CCD), b: Self.mix(b ^ (count << 1), 0xC4CE_B9FE_1A85_EC53))
    }

    private static func mix(_ x: UInt64, _ k: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x = x &* k
        x ^= x >> 29
        x = x &* 0x94D0_49BB_1331_11EB
        x ^= x >> 32
        return x
    }
}
