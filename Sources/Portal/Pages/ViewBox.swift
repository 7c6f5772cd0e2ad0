import Mustache

/// A page view as the templates see it, with its properties found by name in a dictionary.
///
/// swift-mustache finds `{{name}}` in a plain struct with `Mirror(reflecting:)` and a linear
/// search of all its children, for every lookup and every object on the context stack; with the
/// strings table (`t`, ~200 properties) on every page that was most of the rendering time. A box
/// reflects its value once, on the first lookup, and boxes the structs inside it the same way.
/// What the templates receive is unchanged: strings, numbers and booleans as they are, `nil` for
/// absent optionals, arrays element by element, so the output is byte-identical.
final class ViewBox: MustacheParent, @unchecked Sendable {
    private let value: Any
    private let shared: SharedBoxes?
    private var children: [String: Any]?

    init(_ value: Any, shared: SharedBoxes? = nil) {
        self.value = value
        self.shared = shared
    }

    func child(named name: String) -> Any? {
        if children == nil { children = reflect() }
        return children![name]
    }

    /// Reflects this box and every box inside it now, so that threads sharing it only read.
    func reflectDeeply() {
        if children == nil { children = reflect() }
        for child in children!.values {
            if let box = child as? ViewBox { box.reflectDeeply() }
            if let array = child as? [Any] { for case let box as ViewBox in array { box.reflectDeeply() } }
        }
    }

    private func reflect() -> [String: Any] {
        var result: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, let boxed = Self.box(child.value, shared: shared) else { continue }
            if result[label] == nil { result[label] = boxed }
        }
        return result
    }

    /// A child as the template engine should see it: nil for an absent optional, leaves as they
    /// are, arrays with their elements boxed, structs and classes boxed.
    static func box(_ value: Any, shared: SharedBoxes?) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring: return value
        case let parent as MustacheParent: return parent
        case is MustacheTemplate, is MustacheCustomRenderable, is MustacheLambda: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return box(wrapped, shared: shared)
        case .collection:
            return mirror.children.compactMap { box($0.value, shared: shared) }
        case .struct, .class:
            if let shared, let box = shared.box(for: value) { return box }
            return ViewBox(value, shared: shared)
        default:
            return value
        }
    }
}

/// Boxes for the values every page shares (the strings table): reflected once per build, read by
/// all rendering threads. Built eagerly so that threads only ever read it.
final class SharedBoxes: @unchecked Sendable {
    private let boxes: [ObjectIdentifier: ViewBox]

    init(_ values: [Any]) {
        var boxes: [ObjectIdentifier: ViewBox] = [:]
        for value in values {
            let box = ViewBox(value)
            box.reflectDeeply()  // now, before any thread reads it
            boxes[ObjectIdentifier(type(of: value))] = box
        }
        self.boxes = boxes
    }

    func box(for value: Any) -> ViewBox? {
        boxes[ObjectIdentifier(type(of: value))]
    }
}
