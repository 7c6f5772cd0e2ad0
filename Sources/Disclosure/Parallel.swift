import Foundation

/// Runs independent pieces of work on all cores — reading and parsing records, rendering pages.
/// Results come back in the order of the input, so output and diagnostics never depend on which
/// thread finished first. (In the lowest module so that loading and rendering share it.)
public enum Parallel {
    /// `transform` applied to every element, `chunk` elements per task, results in input order.
    public static func map<T, R>(_ items: [T], chunk: Int = 16, _ transform: (T) -> R) -> [R] {
        if items.count <= chunk { return items.map(transform) }
        let chunks = (items.count + chunk - 1) / chunk
        let slots = UnsafeMutableBufferPointer<[R]>.allocate(capacity: chunks)
        slots.initialize(repeating: [])
        defer {
            slots.baseAddress!.deinitialize(count: chunks)
            slots.deallocate()
        }
        withoutActuallyEscaping(transform) { transform in
            // The tasks only read shared values and each writes its own slot.
            let sharedItems = Unchecked(items), sharedSlots = Unchecked(slots), sharedTransform = Unchecked(transform)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let items = sharedItems.value, slots = sharedSlots.value, transform = sharedTransform.value
                let range = (index * chunk)..<min(items.count, (index + 1) * chunk)
                slots[index] = items[range].map(transform)
            }
        }
        var results: [R] = []
        results.reserveCapacity(items.count)
        for part in slots { results += part }
        return results
    }

    /// `map` for a transform that can fail: the first error in input order is thrown.
    public static func tryMap<T, R>(_ items: [T], chunk: Int = 16, _ transform: (T) throws -> R) throws -> [R] {
        try map(items, chunk: chunk) { item in Result { try transform(item) } }.map { try $0.get() }
    }

    /// Runs the tasks at once (as many at a time as there are cores), results in task order.
    public static func run<R>(_ tasks: [() throws -> R]) throws -> [R] {
        try tryMap(tasks, chunk: 1) { try $0() }
    }
}

/// A value handed to concurrent tasks that only read it (or write disjoint parts of it), which
/// the compiler cannot prove.
public struct Unchecked<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
