import Disclosure

/// A value as the templates see it: what `{{name}}` prints, what `{{#name}}` iterates or enters.
///
/// Views hand their fields to the template engine as these values through `TemplateFields`, a
/// `switch`-free table lookup per name, so that rendering never reflects a view with Mirror.
enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(any TemplateFields)

    /// A list of views.
    static func objects(_ items: [some TemplateFields]) -> TemplateValue { .list(items.map { .object($0) }) }
    /// A list of strings.
    static func texts(_ items: [String]) -> TemplateValue { .list(items.map { .text($0) }) }
}

/// A view whose fields the template engine reads by name.
///
/// `field(_:)` answers nil for a field that is absent (an optional that is nil) as well as for a
/// name the view does not have: in both cases a template looks further up the context stack.
protocol TemplateFields: Sendable {
    func field(_ name: FieldID) -> TemplateValue?
    /// Every field in declaration order, with its value (nil: absent): for digests and tests.
    func forEachField(_ body: (String, TemplateValue?) -> Void)
    /// A stable number for the view's type and field names, so that different shapes never digest alike.
    var templateShape: UInt64 { get }
    /// The digest of a view every page shares (the strings table), computed once and combined into
    /// a page's digest in place of walking its fields; nil for the views of one page.
    var sharedDigest: ViewDigest? { get }
}

/// A view whose fields are listed once, in a table: name → how to read it.
protocol TemplateView: TemplateFields {
    static var templateFields: TemplateFieldTable<Self> { get }
}

extension TemplateView {
    func field(_ name: FieldID) -> TemplateValue? { Self.templateFields.value(of: name, in: self) }

    func forEachField(_ body: (String, TemplateValue?) -> Void) {
        for entry in Self.templateFields.entries { body(entry.name, entry.read(self)) }
    }

    var templateShape: UInt64 { Self.templateFields.shape }

    var sharedDigest: ViewDigest? { nil }
}

/// The fields of one view type, in the order the type declares them (a test compares them with
/// the type's stored properties, so that a new property cannot be forgotten here).
struct TemplateFieldTable<View>: Sendable {
    typealias Reader = @Sendable (View) -> TemplateValue?

    let entries: [(name: String, read: Reader)]
    private let positions: FieldPositions
    let shape: UInt64

    init(_ fields: KeyValuePairs<String, Reader>) {
        entries = fields.map { (name: $0.key, read: $0.value) }
        positions = FieldPositions(entries.map(\.name))
        var hasher = StableHasher()
        hasher.combine(String(describing: View.self))
        for entry in entries { hasher.combine(entry.name) }
        let digest = hasher.finish()
        shape = digest.a ^ digest.b
    }

    var names: [String] { entries.map(\.name) }

    func value(of name: FieldID, in view: View) -> TemplateValue? {
        guard let position = positions[name] else { return nil }
        return entries[position].read(view)
    }
}
