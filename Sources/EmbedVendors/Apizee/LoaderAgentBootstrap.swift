import EmbedConfig
import EmbedCore

/// The loaderAgent bootstrap (vendors.md §5): the bridge fetches the agent's identity from the
/// tenant's same-origin endpoint at run time, loads loaderAgent.js and calls `loadAgent(…)`.
/// Nothing secret is in the page: no token, no user id.
public struct LoaderAgentBootstrap: Sendable {
    public var script: SafeURL
    public var server: SafeURL
    public var endpoint: String
    public var apiKey: String?
    public var useFrame: Bool
    public var params: [String: JSONValue]
    public var title: String

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<LoaderAgentBootstrap, DiagnosticList> {
        let settings = context.tenant.section("apizee", "loaderAgent")
        guard let endpoint = settings?.string("agentInfoEndpoint") else {
            return .failure([.error(.loaderAgentEndpointMissing,
                                    "the loaderAgent bootstrap needs 'apizee.loaderAgent.agentInfoEndpoint': a same-origin endpoint of yours that returns the agent's userId, nickname and token at run time",
                                    at: options.location)])
        }
        let serverText = settings?.string("server") ?? ApizeeHosts.loaderServerDefault
        let server: SafeURL
        do {
            server = try URLPolicy(allowLoopbackHTTP: context.allowLoopbackHTTP).validate(serverText)
        } catch {
            return .failure([.error(error.code, "'apizee.loaderAgent.server': \(error.reason)", at: settings?.location(of: "server") ?? options.location)])
        }
        guard server.string.hasSuffix("/") else {
            return .failure([.error(.loaderAgentServerSlash, "'apizee.loaderAgent.server' must end with '/' (serverDomainRoot), found '\(DisplayText.excerpt(server.string))'",
                                    at: settings?.location(of: "server") ?? options.location)])
        }
        let script: SafeURL
        do {
            let policy = URLPolicy(allowedHosts: [ApizeeHosts.loaderScriptHost, server.host], allowLoopbackHTTP: context.allowLoopbackHTTP)
            script = try policy.validate(settings?.string("script") ?? ApizeeHosts.loaderScriptDefault)
        } catch {
            return .failure([.error(error.code, "'apizee.loaderAgent.script': \(error.reason)", at: settings?.location(of: "script") ?? options.location)])
        }
        var params: [String: JSONValue] = [:]
        if let p = settings?.object("params") {
            for key in ["directory", "directoryStartOpen", "useDefaultTheme"] { if let b = p.bool(key) { params[key] = .bool(b) } }
            for key in ["template", "culture"] { if let s = p.string(key) { params[key] = .string(s) } }
        }
        return .success(LoaderAgentBootstrap(
            script: script, server: server, endpoint: endpoint,
            apiKey: context.tenant.section("apizee")?.string("apiKey"),
            useFrame: settings?.bool("useFrame") ?? true, params: params,
            title: options.string("title") ?? context.text("Video agent", french: "Agent vidéo")))
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let id = "es-loader-\(context.sequence)"
        let waiting = HTMLElement("p", [("class", .token("es-loader-status"))],
                                  children: TrustedHTML(text: context.text("Loading the video agent…", french: "Chargement de l’agent vidéo…"))).html
        let noscript = HTMLElement("noscript", [], children: TrustedHTML(text: context.text(
            "The video agent needs JavaScript.", french: "L’agent vidéo a besoin de JavaScript."))).html
        let html = HTMLElement("section", [("id", .token(id)), ("class", .token("es-loader")), ("aria-label", .text(title))],
                               children: waiting + noscript).html
        let settings: JSONValue = [
            "containerId": .string(id),
            "script": .string(script.string),
            "server": .string(server.string),
            "apiKey": .optional(apiKey),
            "agentInfoEndpoint": .string(endpoint),
            "useFrame": .bool(useFrame),
            "params": .object(params),
        ]
        var csp = CSPContribution(frameSources: [server.origin], scriptSources: [script.origin],
                                  connectSources: ["'self'", server.origin], imageSources: [server.origin])
        if server.parsed.scheme == "https" { csp.connectSources.insert("wss://" + server.parsed.hostAndPort) }
        for feature in ApizeeHosts.consoleAllow { csp.delegatedFeatures[feature] = [server.origin] }
        return ComponentOutput(html: html, csp: csp, loaderAgent: settings, isAgentTool: true)
    }
}
