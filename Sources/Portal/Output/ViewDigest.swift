import Foundation

/// A digest of everything a page's bytes depend on: its template's name and its view, walked
/// field by field. Two equal digests mean the template would print the same bytes, so an
/// incremental build can keep last build's file instead of rendering the page again.
///
/// The hash is a 128-bit pair of multiply-xorshift lanes (not cryptographic: a collision would
/// only keep a stale page until that page changes again, and the key includes the page path and
/// the build's fingerprint). It is stable across runs and machines, unlike `Hasher`.
struct ViewDigest: Hashable, Sendable, CustomStringConvertible {
    var a: UInt64
    var b: UInt64

    var description: String { String(a, radix: 16) + "-" + String(b, radix: 16) }

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

    init?(_ text: Substring) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let a = UInt64(parts[0], radix: 16), let b = UInt64(parts[1], radix: 16) else { return nil }
        self.a = a
        self.b = b
    }

    /// The digest of `view` rendered with `template`, with the build's `fingerprint` mixed in.
    static func of(_ view: Any, template: String, fingerprint: ViewDigest) -> ViewDigest {
        var hasher = StableHasher()
        hasher.combine(fingerprint.a)
        hasher.combine(fingerprint.b)
        hasher.combine(template)
        hasher.walk(view)
        return hasher.finish()
    }
}

/// Feeds strings, numbers and the fields of structs (through Mirror) into two hash lanes.
struct StableHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    mutating func combine(_ word: UInt64) {
        count &+= 1
        a = Self.mix(a ^ word, 0xFF51_AFD7_ED55_8CCD)
        b = Self.mix(b &+ word &+ count, 0xC4CE_B9FE_1A85_EC53)
    }

    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { bytes in combine(bytes) }
    }

    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
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

    /// A view the templates read through `TemplateFields`: its fields as the templates see them,
    /// each tagged with its kind, the type's shape (its name and field names) standing for the
    /// labels. The build's strings table is the same on every page: its digest is computed once.
    mutating func walk(_ fields: any TemplateFields) {
        if let shared = fields.sharedDigest {
            combine(14)
            combine(shared.a)
            combine(shared.b)
            return
        }
        combine(15)
        combine(fields.templateShape)
        fields.forEachField { _, value in
            if let value { walk(value) } else { combine(8) }
        }
    }

    mutating func walk(_ value: TemplateValue) {
        switch value {
        case .text(let string):
            combine(1)
            combine(string)
        case .bool(let flag):
            combine(flag ? 2 : 3)
        case .number(let number):
            combine(4)
            combine(UInt64(bitPattern: Int64(number)))
        case .list(let items):
            combine(9)
            combine(UInt64(items.count))
            for item in items { walk(item) }
        case .object(let fields):
            walk(fields)
        }
    }

    /// Every leaf of a view: strings, booleans, numbers; optionals, arrays and structs by their
    /// parts, each tagged with its kind and label so that different shapes never hash alike.
    /// Views that are `TemplateFields` are walked through their fields, without Mirror.
    mutating func walk(_ value: Any) {
        if let fields = value as? any TemplateFields {
            walk(fields)
            return
        }
        switch value {
        case let string as String:
            combine(1)
            combine(string)
        case let flag as Bool:
            combine(flag ? 2 : 3)
        case let number as Int:
            combine(4)
            combine(UInt64(bitPattern: Int64(number)))
        case let number as Double:
            combine(5)
            combine(number.bitPattern)
        case let data as Data:
            combine(6)
            data.withUnsafeBytes { combine($0.bindMemory(to: UInt8.self)) }
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                if let wrapped = mirror.children.first?.value {
                    combine(7)
                    walk(wrapped)
                } else {
                    combine(8)
                }
            case .collection, .set:
                combine(9)
                combine(UInt64(mirror.children.count))
                for child in mirror.children { walk(child.value) }
            case .dictionary:
                // Dictionaries have no stable order: hash the entries sorted by their description.
                combine(10)
                let entries = mirror.children.map { entry -> (String, Any) in
                    let pair = Array(Mirror(reflecting: entry.value).children)
                    return (String(describing: pair[0].value), pair[1].value)
                }.sorted { $0.0 < $1.0 }
                combine(UInt64(entries.count))
                for (key, value) in entries {
                    combine(key)
                    walk(value)
                }
            case .enum:
                combine(13)
                combine(String(describing: value))
                for child in mirror.children { walk(child.value) }
            case nil:
                // A leaf of another kind: its description.
                combine(11)
                combine(String(describing: value))
            default:
                combine(12)
                combine(String(describing: type(of: value)))
                for child in mirror.children {
                    combine(child.label ?? "")
                    walk(child.value)
                }
            }
        }
    }

    func finish() -> ViewDigest {
        ViewDigest(a: Self.mix(a ^ count, 0xFF51_AFD7_ED55_8CCD), b: Self.mix(b ^ (count << 1), 0xC4CE_B9FE_1A85_EC53))
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
