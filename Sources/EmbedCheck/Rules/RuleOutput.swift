import EmbedCore

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
