// A compact binary form for the build's cache, read back without Foundation or Codable.
//
// An `Int` is a zigzag LEB128 varint (1 byte for -64…63, at most 10); a `Bool` is one byte 0 or 1;
// a string or blob is its byte count (a varint) then its bytes (UTF-8 for strings); an optional is
// a presence `Bool` then the value; an array is its count then its elements.

/// Appends integers as zigzag varints, booleans as one byte, strings as UTF-8 with a length prefix.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func int(_ value: Int) {
        // Zigzag: small negative numbers stay short too.
        var rest = UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    public mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

    public mutating func raw(_ bytes: some Collection<UInt8>) {
        int(bytes.count)
        self.bytes.append(contentsOf: bytes)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what BinaryWriter wrote; every read throws `BinaryReader.Malformed` on truncated or impossible input (never traps).
public struct BinaryReader {
    public struct Malformed: Error {}

    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { index == bytes.count }

    public mutating func int() throws -> Int {
        var value: UInt = 0
        var shift = 0
        while true {
            guard index < bytes.count else { throw Malformed() }
            let byte = bytes[index]
            index += 1
            // The tenth byte carries the 64th bit only: more cannot come from BinaryWriter.
            guard shift < 63 || byte <= 1 else { throw Malformed() }
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(bitPattern: value >> 1) ^ (0 &- Int(bitPattern: value & 1))
    }

    public mutating func bool() throws -> Bool {
        guard index < bytes.count, bytes[index] <= 1 else { throw Malformed() }
        index += 1
        return bytes[index - 1] == 1
    }

    public mutating func string() throws -> String {
        let range = try blob()
        // Copied straight into the string's storage, which the standard library then validates once
        // (String(decoding:) scans twice). Invalid UTF-8, which only a damaged file has, is repaired
        // with U+FFFD rather than rejected.
        return bytes.withUnsafeBufferPointer { buffer in
            String(unsafeUninitializedCapacity: range.count) {
                $0.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
            }
        }
    }

    public mutating func optionalString() throws -> String? { try optional { try $0.string() } }

    public mutating func raw() throws -> [UInt8] { Array(bytes[try blob()]) }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        // Every element takes at least one byte: a larger count is damage, and must not reserve memory.
        let count = try int()
        guard count >= 0, count <= bytes.count - index else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// The range of the next length-prefixed run of bytes, which is then skipped.
    private mutating func blob() throws -> Range<Int> {
        let count = try int()
        guard count >= 0, count <= bytes.count - index else { throw Malformed() }
        index += count
        return index - count ..< index
    }
}
