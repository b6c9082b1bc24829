import EmbedConfig
import EmbedCore
import EmbedMarkdown
import EmbedVendors

/// A page after parsing: validated front matter, its HTML body with components in place, and
/// what those components need from the page (CSP origins, bridge settings).
struct ParsedPage: Sendable {
    var source: PageSource
    var meta: PageMeta
    var content: TrustedHTML
    /// The layout's main component (the invitation button of `invite`, the frame of `agent`…).
    var component: TrustedHTML?
    var csp: CSPContribution
    var containsPersonalData: Bool
    var bridgeFrames: [JSONValue]
    var loaderAgent: JSONValue?
    var chatapp: [JSONValue]
    var engage: JSONValue?
    var timeline: JSONValue?
    /// Third-party scripts for the head, loaded with `defer` after the bridge.
    var headScripts: [SafeURL]
    /// Holds an agent tool (frame, console, loader): noindex unless the page says otherwise.
    var isAgentTool: Bool
    var headings: [Heading]

    /// The page's `#embedsmith-config` (the contract the bridge reads; absent keys are off).
    func bridgeSettings(locale: String) -> JSONValue {
        var settings: [String: JSONValue] = ["version": 1, "locale": .string(locale), "frames": .array(bridgeFrames),
                                             "loaderAgent": loaderAgent ?? .null]
        if !chatapp.isEmpty { settings["chatapp"] = .array(chatapp) }
        if let engage { settings["engage"] = engage }
        if let timeline { settings["timeline"] = timeline }
        return .object(settings)
    }
}
