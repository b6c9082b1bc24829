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
    public var params: LoaderAgentSettings.Params
    public var title: String

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<LoaderAgentBootstrap, DiagnosticList> {
        let settings = context.settings(tenantSection)
        guard let endpoint = settings?[TenantSettings.agentInfoEndpoint] else {
            return .failure([.error(.loaderAgentEndpointMissing,
                                    "the loaderAgent bootstrap needs 'apizee.loaderAgent.agentInfoEndpoint': a same-origin endpoint of yours that returns the agent's userId, nickname and token at run time",
                                    at: options.location)])
        }
        let serverText = settings.value(TenantSettings.server) ?? ApizeeHosts.loaderServerDefault
        let server: SafeURL
        do {
            server = try URLPolicy(allowLoopbackHTTP: context.allowLoopbackHTTP).validate(serverText)
        } catch {
            return .failure([.error(error.code, "'apizee.loaderAgent.server': \(error.reason)", at: settings?.location(of: TenantSettings.server) ?? options.location)])
        }
        guard server.string.hasSuffix("/") else {
            return .failure([.error(.loaderAgentServerSlash, "'apizee.loaderAgent.server' must end with '/' (serverDomainRoot), found '\(DisplayText.excerpt(server.string))'",
                                    at: settings?.location(of: TenantSettings.server) ?? options.location)])
        }
        let script: SafeURL
        do {
            let policy = URLPolicy(allowedHosts: [ApizeeHosts.loaderScriptHost, server.host], allowLoopbackHTTP: context.allowLoopbackHTTP)
            script = try policy.validate(settings.value(TenantSettings.script) ?? ApizeeHosts.loaderScriptDefault)
        } catch {
            return .failure([.error(error.code, "'apizee.loaderAgent.script': \(error.reason)", at: settings?.location(of: TenantSettings.script) ?? options.location)])
        }
        let p = settings?[TenantSettings.params]
        let params = LoaderAgentSettings.Params(directory: p?[Params.directory], directoryStartOpen: p?[Params.directoryStartOpen],
                                                useDefaultTheme: p?[Params.useDefaultTheme], template: p?[Params.template],
                                                culture: p?[Params.culture])
        return .success(LoaderAgentBootstrap(
            script: script, server: server, endpoint: endpoint,
            apiKey: Apizee.apiKey(of: context.tenant),
            useFrame: settings.value(TenantSettings.useFrame) ?? true, params: params,
            title: options[Options.title] ?? context.text("Video agent", french: "Agent vidéo")))
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let id = "es-loader-\(context.sequence)"
        let waiting = HTMLElement("p", [("class", .token("es-loader-status"))],
                                  children: TrustedHTML(text: context.text("Loading the video agent…", french: "Chargement de l’agent vidéo…"))).html
        let noscript = HTMLElement("noscript", [], children: TrustedHTML(text: context.text(
            "The video agent needs JavaScript.", french: "L’agent vidéo a besoin de JavaScript."))).html
        let html = HTMLElement("section", [("id", .token(id)), ("class", .token("es-loader")), ("aria-label", .text(title))],
                               children: waiting + noscript).html
        let settings = LoaderAgentSettings(containerId: id, script: script.string, server: server.string, apiKey: apiKey,
                                           agentInfoEndpoint: endpoint, useFrame: useFrame, params: params)
        var csp = CSPContribution(frameSources: [server.origin], scriptSources: [script.origin],
                                  connectSources: ["'self'", server.origin], imageSources: [server.origin])
        if server.parsed.scheme == "https" { csp.connectSources.insert("wss://" + server.parsed.hostAndPort) }
        for feature in ApizeeHosts.consoleAllow { csp.delegatedFeatures[feature] = [server.origin] }
        return ComponentOutput(html: html, csp: csp, bridge: BridgeContribution(loaderAgent: settings), isAgentTool: true)
    }
}
