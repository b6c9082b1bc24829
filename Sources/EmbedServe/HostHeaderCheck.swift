/// The `Host` header values serve answers: its own loopback names (and the `--host` address
/// when one was given) with its port. A page on another site that rebinds its own DNS name to
/// 127.0.0.1 reaches the socket, but its requests carry that other name: they are refused, so
/// such a page can neither read the served site nor the event stream (DNS rebinding).
public struct HostHeaderCheck: Sendable {
    private let allowed: Set<String>

    public init(port: Int, extraHost: String? = nil) {
        var names = ["127.0.0.1", "localhost", "[::1]"]
        if let extraHost, !extraHost.isEmpty {
            // An IPv6 literal is written in brackets in a Host header.
            names.append(extraHost.contains(":") && !extraHost.hasPrefix("[") ? "[\(extraHost)]" : extraHost)
        }
        var allowed: Set<String> = []
        for name in names {
            allowed.insert("\(name.lowercased()):\(port)")
            if port == 80 { allowed.insert(name.lowercased()) }
        }
        self.allowed = allowed
    }

    /// True when `host` (the header's value, nil when absent) names this server.
    public func accepts(_ host: String?) -> Bool {
        guard let host else { return false }
        return allowed.contains(host.lowercased())
    }
}
