import Foundation
import Disclosure

/// Feed timestamps come from the content (a record's date, the build's as-of day), never from the
/// clock, so that two builds of the same content are byte-identical.
struct FeedTime: Sendable {
    let timeZone: TimeZone

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// `2024-01-30T00:00:00+07:00`: the start of the day in the commune's time zone (RFC 3339).
    func rfc3339(_ day: Day) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        let offset = timeZone.secondsFromGMT(for: noon)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(day.iso)T00:00:00\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Text for XML: the five predefined entities, and no control characters XML 1.0 forbids.
enum XMLText {
    static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { utf8 in
            // Most text has nothing to escape: it is given back as it is.
            guard utf8.contains(where: needsWork) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 64)
            escape(utf8, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, into: &out) }
    }

    /// Runs of bytes with nothing to escape are copied at once.
    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard needsWork(byte) else {
                index += 1
                continue
            }
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are dropped; other scalars from EF are kept.
                if index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] >= 0xBE {
                    index += 2
                } else {
                    out.append(byte)
                }
            default: break // C0 controls but tab, line feed and carriage return: dropped
            }
            index += 1
            runStart = index
        }
        if runStart < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    /// Bytes that are not copied as they are.
    @inline(__always)
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: return true
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20: return true
        default: return false
        }
    }
}
