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
    /// The main invitation button of an `invite` page.
    var invitation: TrustedHTML?
    var csp: CSPContribution
    var containsPersonalData: Bool
    var bridgeFrames: [JSONValue]
    var headings: [Heading]
}
