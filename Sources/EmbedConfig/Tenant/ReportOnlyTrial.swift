/// `security.reportOnly` of tenant.yaml: a stricter policy than the enforced one, sent as
/// `Content-Security-Policy-Report-Only` so browsers report what it would block and block
/// nothing. Operators use it to learn what a third-party widget really loads (leave one of
/// its documented origins out and watch the reports) before tightening a tenant's policy.
public struct ReportOnlyTrial: Sendable, Equatable {
    /// Origins the trial policy leaves out of every directive.
    public var without: [String]
    /// Add `require-trusted-types-for 'script'` (reports each DOM XSS sink fed a plain string).
    public var trustedTypes: Bool

    /// The CSP sources the trial leaves out: each origin of `without` and its WebSocket twin
    /// (`https://h` matches `wss://h` in CSP3, so a policy keeping `wss://h` would still allow
    /// what is tried).
    public var leftOutSources: Set<String> {
        Set(without.flatMap { [$0, "wss://" + $0.dropFirst("https://".count)] })
    }

    public init(without: [String] = [], trustedTypes: Bool = false) {
        self.without = without
        self.trustedTypes = trustedTypes
    }
}
