import EmbedCore

/// Origins a component needs in the page's Content-Security-Policy.
public struct CSPContribution: Sendable, Hashable {
    public var frameSources: Set<String> = []
    public var scriptSources: Set<String> = []
    public var connectSources: Set<String> = []
    public var imageSources: Set<String> = []
    /// Permissions Policy features delegated to framed origins (for the Permissions-Policy header).
    public var delegatedFeatures: [String: Set<String>] = [:]

    public init(frameSources: Set<String> = [], scriptSources: Set<String> = [],
                connectSources: Set<String> = [], imageSources: Set<String> = [],
                delegatedFeatures: [String: Set<String>] = [:]) {
        self.frameSources = frameSources
        self.scriptSources = scriptSources
        self.connectSources = connectSources
        self.imageSources = imageSources
        self.delegatedFeatures = delegatedFeatures
    }

    public mutating func formUnion(_ other: CSPContribution) {
        frameSources.formUnion(other.frameSources)
        scriptSources.formUnion(other.scriptSources)
        connectSources.formUnion(other.connectSources)
        imageSources.formUnion(other.imageSources)
        delegatedFeatures.merge(other.delegatedFeatures) { $0.union($1) }
    }
}

/// What a component contributes to a page.
public struct ComponentOutput: Sendable {
    public var html: TrustedHTML
    public var csp: CSPContribution
    /// Phone numbers, e-mails or names appear in the output: the page defaults to noindex.
    public var containsPersonalData: Bool
    /// Its settings in the page's bridge settings block, typed per feature.
    public var bridge: BridgeContribution
    /// Pages with agent components are for the tenant's own agents: not indexed by default.
    public var isAgentTool: Bool
    /// Third-party scripts the page head must load (deferred, after the bridge).
    public var headScripts: [SafeURL]

    public init(html: TrustedHTML, csp: CSPContribution = CSPContribution(), containsPersonalData: Bool = false,
                bridge: BridgeContribution = BridgeContribution(), isAgentTool: Bool = false, headScripts: [SafeURL] = []) {
        self.html = html
        self.csp = csp
        self.containsPersonalData = containsPersonalData
        self.bridge = bridge
        self.isAgentTool = isAgentTool
        self.headScripts = headScripts
    }

    /// The bridge features this component needs at run time (empty: no bridge).
    public var features: [BridgeFeature] { bridge.features }
}
