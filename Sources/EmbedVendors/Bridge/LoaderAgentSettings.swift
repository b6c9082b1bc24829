/// `loaderAgent`: the Apizee loaderAgent bootstrap (at most one per page).
public struct LoaderAgentSettings: Codable, Sendable, Equatable {
    /// `id` of the element the agent UI goes into.
    public var containerId: String
    /// loaderAgent.js URL.
    public var script: String
    /// serverDomainRoot, with its trailing slash.
    public var server: String
    /// Public apiRTC key; null when the tenant has none.
    public var apiKey: String?
    /// Same-origin endpoint returning the agent's identity and token at run time.
    public var agentInfoEndpoint: String
    public var useFrame: Bool
    public var params: Params

    /// agentParams passed to loadAgent; absent keys are left to the vendor.
    public struct Params: Codable, Sendable, Equatable {
        public var directory: Bool?
        public var directoryStartOpen: Bool?
        public var useDefaultTheme: Bool?
        public var template: String?
        public var culture: String?
    }

    enum CodingKeys: String, CodingKey { case containerId, script, server, apiKey, agentInfoEndpoint, useFrame, params }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(containerId, forKey: .containerId)
        try c.encode(script, forKey: .script)
        try c.encode(server, forKey: .server)
        try c.encode(apiKey, forKey: .apiKey)   // null when absent
        try c.encode(agentInfoEndpoint, forKey: .agentInfoEndpoint)
        try c.encode(useFrame, forKey: .useFrame)
        try c.encode(params, forKey: .params)
    }
}
