import Foundation

/// Work started on another thread now and collected later (`value` waits for it), so reading
/// the previous build's state overlaps with scanning the content.
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result; waits for it the first time. Call from one thread only.
    lazy var value: T = {
        done.wait()
        return result!
    }()
}
