import EmbedCore

/// One check. Each rule lives in its own file under `Rules/`, has a page `docs/rules/<id>.md`
/// (compiled into `RuleDocs`) and fixtures in `Tests/Fixtures/check/<id>/`.
public protocol CheckRule: Sendable {
    /// Stable id, printed in brackets after each message and used in `embedsmith.yaml`.
    var id: String { get }
    /// One line: what a page must do.
    var summary: String { get }
    /// The severity of its main finding (some findings of a rule may be warnings).
    var defaultSeverity: Severity { get }
    func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput)
}
