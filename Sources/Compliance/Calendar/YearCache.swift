import Foundation

/// Values computed per year on first use and kept, shared by every thread. A build needs the
/// few years its postings fall in, not the four centuries a check may reach.
final class YearCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Value] = [:]
    private let compute: @Sendable (Int) -> Value

    init(_ compute: @escaping @Sendable (Int) -> Value) {
        self.compute = compute
    }

    subscript(year: Int) -> Value {
        lock.lock()
        if let value = values[year] {
            lock.unlock()
            return value
        }
        lock.unlock()
        // Computed outside the lock: two threads may both compute a year, and the first one kept wins.
        let value = compute(year)
        lock.lock()
        defer { lock.unlock() }
        if let kept = values[year] { return kept }
        values[year] = value
        return value
    }
}
