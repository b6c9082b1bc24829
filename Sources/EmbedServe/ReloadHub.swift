/// Holds the latest `BuildState` and the open event streams; every change of state is sent to
/// every stream. A new stream gets the current state first.
public actor ReloadHub {
    public private(set) var state: BuildState
    private var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    /// Open streams at most (each is one connection of a browser tab): more are refused.
    public static let maxStreams = 64

    public init(state: BuildState) { self.state = state }

    public func publish(_ new: BuildState) {
        state = new
        let bytes = new.eventBytes
        for continuation in streams.values { continuation.yield(bytes) }
    }

    /// A stream of event bytes starting with the current state; nil when too many are open.
    public func subscribe() -> AsyncStream<[UInt8]>? {
        guard streams.count < Self.maxStreams else { return nil }
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(8))
        // Tells EventSource to reconnect after 500 ms when serve restarts.
        continuation.yield(Array("retry: 500\n\n".utf8) + state.eventBytes)
        continuation.onTermination = { [weak self] _ in Task { await self?.remove(id) } }
        streams[id] = continuation
        return stream
    }

    /// A comment line on every stream: a closed tab's connection fails on it and is dropped.
    public func heartbeat() {
        for continuation in streams.values { continuation.yield(Array(": ping\n\n".utf8)) }
    }

    public var streamCount: Int { streams.count }

    private func remove(_ id: Int) { streams[id] = nil }
}
