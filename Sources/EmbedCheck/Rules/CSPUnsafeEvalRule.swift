import EmbedCore

/// `script-src` (or the `default-src` it falls back to) does not allow `'unsafe-eval'`: with
/// it, any text an attacker gets into `eval`, `new Function` or a string `setTimeout` runs.
public struct CSPUnsafeEvalRule: CheckRule {
    public let id = "csp-unsafe-eval"
    public let summary = "the CSP does not allow 'unsafe-eval'"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for located in page.cspWeaknesses where located.weakness.category == .unsafeEval {
            guard let policy = located.policy, let directive = located.weakness.directive else { continue }
            out.error(Message.eval(directive) + policy.origin, on: policy.element(page),
                      at: policy.position(of: located.weakness.source, in: directive, page: page), hint: Message.hint)
        }
    }
}

private enum Message {
    static func eval(_ directive: String) -> String {
        "\(directive) allows 'unsafe-eval': strings passed to eval(), new Function() or setTimeout() run as code"
    }
    static let hint = "remove 'unsafe-eval' (use 'wasm-unsafe-eval' if only WebAssembly needs it)"
}
