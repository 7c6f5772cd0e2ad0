import Foundation
import Disclosure

/// The strings table as the templates see it (`{{t.navHome}}`): `PortalStrings` read once per
/// build into a dictionary (the only Mirror of the build), shared by every page by reference,
/// with its digest computed once for the page cache.
final class TemplateStrings: TemplateFields, @unchecked Sendable {
    let strings: PortalStrings
    /// The field names in declaration order, and their values (by `FieldID` through `positions`).
    private let names: [String]
    private let values: [TemplateValue]
    private let positions: FieldPositions
    /// The digest of every name and value, combined into a page's digest in place of walking them.
    let digest: ViewDigest

    init(_ strings: PortalStrings) {
        self.strings = strings
        var names: [String] = []
        var values: [TemplateValue] = []
        var seen = Set<String>()
        var hasher = StableHasher()
        hasher.combine("PortalStrings")
        for child in Mirror(reflecting: strings).children {
            guard let name = child.label, let text = child.value as? String, seen.insert(name).inserted else { continue }
            names.append(name)
            values.append(.text(text))
            hasher.combine(name)
            hasher.combine(text)
        }
        self.names = names
        self.values = values
        positions = FieldPositions(names)
        digest = hasher.finish()
    }

    func field(_ name: FieldID) -> TemplateValue? { positions[name].map { values[$0] } }

    func forEachField(_ body: (String, TemplateValue?) -> Void) {
        for (name, value) in zip(names, values) { body(name, value) }
    }

    var templateShape: UInt64 { digest.a }

    var sharedDigest: ViewDigest? { digest }
}
