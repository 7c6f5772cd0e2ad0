import Foundation
import Disclosure

/// A digest of everything a page's bytes depend on: its template's name and its view, walked
/// field by field. Two equal digests mean the template would print the same bytes, so an
/// incremental build can keep last build's file instead of rendering the page again.
///
/// The hash is `StableHasher`'s (not cryptographic: a collision would only keep a stale page
/// until that page changes again, and the key includes the page path and the build's
/// fingerprint). It is stable across runs and machines, unlike `Hasher`.
typealias ViewDigest = StableDigest

extension StableDigest {
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

/// Views walked into the hash: strings, numbers and the fields of structs (through Mirror).
extension StableHasher {
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
}
