/// What a byte of UTF-8 text may start, for the loader's scans of whole files and bodies: one
/// table look-up a byte instead of a chain of comparisons, which Vietnamese text (a third of its
/// bytes above 0x7F, in 2- and 3-byte letters) sends down unpredictable branches.
struct ByteClasses: Sendable {
    /// A C0 control other than tab, line feed and carriage return, DEL, or a lead byte (C2, E2)
    /// of a C1 or bidirectional control (`ContentLimits.isForbiddenControl`).
    static let forbiddenControlLead: UInt8 = 1
    /// `<`, `&`, or a C0 control other than tab, line feed and carriage return: a body holding one
    /// may hold something unpublished (`BodyScan.mayHoldUnpublished`).
    static let markup: UInt8 = 2
    /// `:`, which may end a scheme.
    static let colon: UInt8 = 4

    static let table = ByteClasses()
    let flags: [UInt8]

    private init() {
        var flags = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D {
            flags[byte] |= Self.forbiddenControlLead | Self.markup
        }
        flags[0x7F] |= Self.forbiddenControlLead
        flags[0xC2] |= Self.forbiddenControlLead
        flags[0xE2] |= Self.forbiddenControlLead
        flags[Int(UInt8(ascii: "<"))] |= Self.markup
        flags[Int(UInt8(ascii: "&"))] |= Self.markup
        flags[Int(UInt8(ascii: ":"))] |= Self.colon
        self.flags = flags
    }

    /// The index of the first byte at or after `start` whose flags meet `mask`, or `bytes.count`.
    @inline(__always)
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, matching mask: UInt8) -> Int {
        flags.withUnsafeBufferPointer { flags in
            guard let base = bytes.baseAddress, let table = flags.baseAddress else { return bytes.count }
            var i = start
            let n = bytes.count
            while i < n {
                if table[Int(base[i])] & mask != 0 { return i }
                i += 1
            }
            return n
        }
    }
}
