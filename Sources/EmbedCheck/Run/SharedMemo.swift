import Foundation

/// Results of a pure function of text, shared by the checking threads: a site repeats the same
/// few policies on thousands of pages, so each is worked out once. Bounded: past `limit`
/// entries the memo starts over (a hostile site of all-different policies costs the plain
/// computation, not unbounded memory), and keys longer than `maxKeyBytes` are not kept.
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The value for `key`, computed outside the lock the first time (two threads may both
    /// compute it; the function is pure, so either result is the same).
    func value(_ key: Key, keep: Bool = true, _ compute: () -> Value) -> Value {
        if keep, let known = lock.withLock({ values[key] }) { return known }
        let value = compute()
        guard keep else { return value }
        lock.withLock {
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }

    var count: Int { lock.withLock { values.count } }
}
