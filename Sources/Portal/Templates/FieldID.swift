import Foundation

/// A field name as a small number, the same for every view type in the process: the field tables
/// and the template compiler both number their names here, so that looking a name up in a view
/// is an array index instead of hashing the string on every lookup of every page.
struct FieldID: Hashable, Sendable {
    let number: Int

    /// The name's number, given to it now if no table or template used it before.
    init(_ name: String) {
        number = FieldNames.shared.number(for: name)
    }

    /// The name's number, or nil when no table or template uses it (then no view has the field).
    init?(existing name: String) {
        guard let number = FieldNames.shared.existingNumber(for: name) else { return nil }
        self.number = number
    }
}

/// The numbers given so far. Names are few (a theme's and the views' field names); the lock is
/// taken only when a table or a template is compiled, never while rendering.
private final class FieldNames: @unchecked Sendable {
    static let shared = FieldNames()
    private let lock = NSLock()
    private var numbers: [String: Int] = [:]

    func number(for name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[name] { return number }
        let number = numbers.count
        numbers[name] = number
        return number
    }

    func existingNumber(for name: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return numbers[name]
    }
}

/// Field positions by `FieldID`: -1 where the name is not a field.
struct FieldPositions: Sendable {
    private let positions: [Int32]

    /// `names` in order; the first of two equal names wins.
    init(_ names: [String]) {
        let numbers = names.map { FieldID($0).number }
        var positions = [Int32](repeating: -1, count: (numbers.max() ?? -1) + 1)
        for (position, number) in numbers.enumerated() where positions[number] < 0 { positions[number] = Int32(position) }
        self.positions = positions
    }

    subscript(id: FieldID) -> Int? {
        guard id.number < positions.count else { return nil }
        let position = positions[id.number]
        return position < 0 ? nil : Int(position)
    }
}
