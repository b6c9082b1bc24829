import EmbedCore

/// No `on*` event handler attributes: a strict CSP blocks them (so they are dead code at
/// best), and they are where injected script hides.
public struct InlineEventHandlerRule: CheckRule {
    public let id = "inline-event-handler"
    public let summary = "no inline on* event handler attributes"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for element in page.elements {
            for attribute in element.attributes where Self.isEventHandler(attribute.name) {
                out.error(Message.handler(attribute.name, element.name), on: element, at: attribute.position, hint: Message.hint)
            }
        }
    }

    /// `on` followed by letters: `onclick`, `onload`, `onbegin` (SVG)…
    static func isEventHandler(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.count > 2, name.hasPrefix("on") else { return false }
        return bytes.dropFirst(2).allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) }
    }
}

private enum Message {
    static func handler(_ attribute: String, _ element: String) -> String {
        "inline event handler '\(attribute.clipped(40))' on <\(element.clipped(40))>: a strict Content-Security-Policy blocks it"
    }
    static let hint = "attach the listener with addEventListener() from a script file (or a hashed inline script)"
}
