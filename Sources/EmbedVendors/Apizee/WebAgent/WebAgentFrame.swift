import EmbedConfig
import EmbedCore

/// ApiRTC web-agent in an iframe (vendors.md §3): every URL parameter from typed config, the
/// README's `allow` list, no referrer, and the bridge settings to talk to it.
public struct WebAgentFrame: Sendable {
    public var url: SafeURL
    public var protocolVersion: String
    public var title: String
    public var allow: [String]
    public var apiKey: String
    public var cloudUrl: String?
    public var guestName: String?
    public var guestPhone: String?
    public var controls: Bool
    public var gallery: Bool
    public var toasts: Bool

    /// URL parameters in the vendor table's order; booleans exactly `true`/`false`.
    static func parameters(apiKey: String, merged: Merged) -> [(String, String)] {
        typealias T = TenantDefaults
        var pairs: [(String, String)] = [("aK", apiKey)]
        // An empty string means "not set" (PRODUCT.md writes `guest: { name: "", phone: "" }`).
        func text(_ value: String?, _ param: String) { if let value, !value.isEmpty { pairs.append((param, value)) } }
        func flag(_ value: Bool?, _ param: String) { if let value { pairs.append((param, value ? "true" : "false")) } }
        let guest = Merged(options: merged.options[Options.guest] ?? ConfigObject(location: merged.options.location),
                           defaults: merged.defaults?[T.guest])
        text(merged(Shared.conversation, Shared.conversation), "cN")
        flag(merged(Options.audio, T.audio), "a")
        flag(merged(Options.connect, T.connect), "c")
        flag(merged(Options.join, T.join), "j")
        text(merged(nil, T.cloudUrl), "cU")
        text(merged(Shared.agentName, Shared.agentName), "aN")
        text(guest(Guest.name, Guest.name), "gN")
        text(guest(Guest.phone, Guest.phone), "gP")
        text(merged(nil, T.guestUrl), "gU")
        text(merged(nil, T.installationId), "iI")
        text(merged(nil, T.invitationServiceUrl), "iU")
        text(merged(Options.locale, T.locale), "l")
        text(merged(nil, T.logLevel), "lL")
        text(merged(nil, T.userId), "uId")
        if let v = merged(nil, T.callStatsMonitoringInterval) { pairs.append(("cSMI", String(v))) }
        return pairs
    }

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<WebAgentFrame, DiagnosticList> {
        let tenant = context.tenant
        let defaults = context.settings(tenantSection)
        guard let apiKey = Apizee.apiKey(of: tenant) else {
            return .failure([.error(.webAgentApiKeyMissing, "the web-agent needs the tenant's 'apizee.apiKey' (aK)",
                                    at: options.location, hint: "add 'apiKey' under 'apizee:' in \(tenant.file)")])
        }
        if let refusal = legacyProtocolRefusal(defaults) { return .failure([refusal]) }
        let policy = URLPolicy(allowedHosts: ApizeeHosts.webAgentHosts, allowLoopbackHTTP: context.allowLoopbackHTTP)
        let base: SafeURL
        do {
            base = try policy.validate(defaults.value(TenantDefaults.url) ?? ApizeeHosts.webAgentDefault)
        } catch {
            return .failure([.error(error.code, "'apizee.webAgent.url': \(error.reason)", at: defaults?.location(of: TenantDefaults.url) ?? options.location)])
        }
        let merged = Merged(options: options, defaults: defaults)
        let url: SafeURL
        do {
            url = try policy.appendingQuery(base, parameters(apiKey: apiKey, merged: merged))
        } catch {
            return .failure([.error(error.code, "web-agent URL refused: \(error.reason)", at: options.location)])
        }
        var allow = defaults.value(TenantDefaults.allow) ?? ApizeeHosts.defaultAllow
        if defaults.value(TenantDefaults.geolocation) == true && !allow.contains("geolocation") { allow.append("geolocation") }
        let guest = Merged(options: options[Options.guest] ?? ConfigObject(location: options.location), defaults: defaults?[TenantDefaults.guest])
        return .success(WebAgentFrame(
            url: url,
            protocolVersion: defaults.value(TenantDefaults.protocol) ?? "current",
            title: options[AgentFrameUI.title] ?? context.text("Video assistance agent", french: "Agent d’assistance vidéo"),
            allow: allow,
            apiKey: apiKey,
            cloudUrl: defaults?[TenantDefaults.cloudUrl],
            guestName: guest(Guest.name, Guest.name).flatMap { $0.isEmpty ? nil : $0 },
            guestPhone: guest(Guest.phone, Guest.phone),
            controls: options.value(AgentFrameUI.controls) ?? false,
            gallery: options.value(AgentFrameUI.gallery) ?? true,
            toasts: options.value(AgentFrameUI.toasts) ?? true))
    }

    /// `protocol: 2023-07` is refused. The published app (https://apirtc.github.io/web-agent/)
    /// speaks the current protocol only, so that pair has every host message refused by the app
    /// while `send()` says true (checked with the real builds, Tests/browser/test_real_webagent.py);
    /// a 2023-07 build (gh-pages at 6a63ef5, 2023-08-01) exists only as a self-hosted copy, on a
    /// host the frame URL policy does not admit. Hand-written pages keep the bridge's 2023-07 mode.
    static func legacyProtocolRefusal(_ defaults: ConfigObject?) -> Diagnostic? {
        guard let defaults, defaults[TenantDefaults.protocol] == "2023-07" else { return nil }
        let url = defaults.value(TenantDefaults.url) ?? ApizeeHosts.webAgentDefault
        return .error(.webAgentLegacyProtocol,
                      "protocol '2023-07' cannot work with \(url): the published web-agent speaks the current protocol only, so the app would refuse every message",
                      at: defaults.location(of: TenantDefaults.protocol),
                      hint: "remove 'protocol' (or write 'current'); a self-hosted 2023-07 build (web-agent 6a63ef5) needs a hand-written page with the bridge's 2023-07 mode (README, \"2023-07 frames\")")
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let frame = AgentFrame(id: "es-frame-\(context.sequence)", url: url, title: title, allow: allow)
        var guest: FrameSettings.Guest? = nil
        if guestName != nil || guestPhone != nil { guest = FrameSettings.Guest(name: guestName, phone: guestPhone) }
        let settings = FrameSettings(id: frame.id, app: Self.kind, origin: url.origin, protocol: protocolVersion,
                                     configuration: FrameSettings.Configuration(apiRtc: .init(apiKey: apiKey, cloudUrl: cloudUrl)),
                                     conversation: nil, guest: guest,
                                     ui: AgentFrame.ui(controls: controls, gallery: gallery, toasts: toasts))
        var csp = frame.csp
        if gallery { csp.imageSources.insert("data:") }
        return ComponentOutput(html: frame.html, csp: csp, containsPersonalData: guestName != nil || guestPhone != nil,
                               bridge: BridgeContribution(frames: [settings]), isAgentTool: true)
    }
}
