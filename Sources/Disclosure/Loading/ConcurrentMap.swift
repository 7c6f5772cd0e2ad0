import Foundation

/// Reading and parsing record files on all cores. Results come back in input order, so records
/// and diagnostics never depend on which thread finished first.
enum ConcurrentMap {
    /// `transform` applied to every element, `chunk` elements per task, results in input order.
    static func map<T, R>(_ items: [T], chunk: Int = 8, _ transform: (T) -> R) -> [R] {
        if items.count <= chunk { return items.map(transform) }
        let chunks = (items.count + chunk - 1) / chunk
        let slots = UnsafeMutableBufferPointer<[R]>.allocate(capacity: chunks)
        slots.initialize(repeating: [])
        defer {
            slots.baseAddress!.deinitialize(count: chunks)
            slots.deallocate()
        }
        withoutActuallyEscaping(transform) { transform in
            // The tasks only read the shared values, and each writes its own slot.
            let shared = SharedForMap((items, slots, transform))
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let (items, slots, transform) = shared.value
                let range = (index * chunk)..<min(items.count, (index + 1) * chunk)
                slots[index] = items[range].map(transform)
            }
        }
        var results: [R] = []
        results.reserveCapacity(items.count)
        for part in slots { results += part }
        return results
    }
}

/// Values the concurrent tasks only read (or write disjoint parts of), which the compiler cannot prove.
private struct SharedForMap<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
