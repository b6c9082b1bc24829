import EmbedCore

/// `script-src` (or the `default-src` it falls back to) does not allow `'unsafe-eval'`: with
/// it, any text an attacker gets into `eval`, `new Function` or a string `setTimeout` runs.
public struct CSPUnsafeEvalRule: CheckRule {
    public let id = "csp-unsafe-eval"
    public let summary = "the CSP does not allow 'unsafe-eval'"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let metas = page.csp.metas
        for weakness in page.cspWeaknesses where weakness.category == .unsafeEval {
            guard let directive = weakness.directive else { continue }
            let meta = metas[weakness.policy]
            out.error(Message.eval(directive), on: meta.element, at: meta.position(of: weakness.source, in: directive), hint: Message.hint)
        }
    }
}

private enum Message {
    static func eval(_ directive: String) -> String {
        "\(directive) allows 'unsafe-eval': strings passed to eval(), new Function() or setTimeout() run as code"
    }
    static let hint = "remove 'unsafe-eval' (use 'wasm-unsafe-eval' if only WebAssembly needs it)"
}
