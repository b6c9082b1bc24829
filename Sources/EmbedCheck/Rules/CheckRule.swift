import EmbedCore
import EmbedVendors

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

/// What a rule may know besides the page.
public struct RuleContext: Sendable {
    public var settings: CheckSettings
    /// Hosts a vendor frame may be loaded from: EmbedVendors' list plus the project's.
    public var frameHosts: Set<String>

    public init(settings: CheckSettings) {
        self.settings = settings
        self.frameHosts = VendorFrames.hosts.union(settings.frameHosts)
    }
}

/// Collects the findings of one rule on one page.
public struct RuleOutput {
    public let rule: String
    public private(set) var findings: [Finding] = []

    init(rule: String) { self.rule = rule }

    /// Reports at `position`, or at the element when nil.
    public mutating func add(_ severity: Severity, _ message: String, on element: PageElement,
                             at position: Position? = nil, hint: String? = nil) {
        findings.append(Finding(rule: rule, severity: severity, message: message, hint: hint,
                                position: position ?? element.position, elementOrder: element.order))
    }

    public mutating func error(_ message: String, on element: PageElement, at position: Position? = nil, hint: String? = nil) {
        add(.error, message, on: element, at: position, hint: hint)
    }

    public mutating func warning(_ message: String, on element: PageElement, at position: Position? = nil, hint: String? = nil) {
        add(.warning, message, on: element, at: position, hint: hint)
    }
}
