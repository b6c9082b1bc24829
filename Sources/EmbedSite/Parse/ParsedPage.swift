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
    /// The components' bridge settings, typed per feature.
    var bridge: BridgeContribution
    /// Third-party scripts for the head, loaded with `defer` after the bridge.
    var headScripts: [SafeURL]
    /// Holds an agent tool (frame, console, loader): noindex unless the page says otherwise.
    var isAgentTool: Bool
    var headings: [Heading]

    /// The page's `#embedsmith-config` (`BridgeSettings`, docs/bridge-settings.md).
    func bridgeSettings(locale: String) -> JSONValue {
        JSONValue(encoding: BridgeSettings(locale: locale, parts: bridge)) ?? .null
    }
}
