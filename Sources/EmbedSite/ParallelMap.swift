import Foundation

/// Runs `transform` over `items` on at most `jobs` threads; results keep the input order, so
/// output does not depend on scheduling.
enum ParallelMap {
    static func map<T: Sendable, R>(_ items: [T], jobs: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        guard items.count > 1, jobs > 1 else { return items.map(transform) }
        let results = UnsafeResultBox<R>(count: items.count)
        let next = Counter()
        let workers = min(jobs, items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: items.count) {
                results.set(index, transform(items[index]))
            }
        }
        return results.values()
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    /// Each index is written by exactly one worker, then read after all workers joined.
    private final class UnsafeResultBox<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: R) { lock.lock(); storage[index] = value; lock.unlock() }
        func values() -> [R] { storage.map { $0! } }
    }
}
