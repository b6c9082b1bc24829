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
    static func parameters(apiKey: String, merged: (String) -> ConfigValueLookup) -> [(String, String)] {
        var pairs: [(String, String)] = [("aK", apiKey)]
        // An empty string means "not set" (PRODUCT.md writes `guest: { name: "", phone: "" }`).
        func text(_ key: String, _ param: String) { if let v = merged(key).string, !v.isEmpty { pairs.append((param, v)) } }
        func flag(_ key: String, _ param: String) { if let v = merged(key).bool { pairs.append((param, v ? "true" : "false")) } }
        text("conversation", "cN")
        flag("audio", "a")
        flag("connect", "c")
        flag("join", "j")
        text("cloudUrl", "cU")
        text("agentName", "aN")
        text("guest.name", "gN")
        text("guest.phone", "gP")
        text("guestUrl", "gU")
        text("installationId", "iI")
        text("invitationServiceUrl", "iU")
        text("locale", "l")
        text("logLevel", "lL")
        text("userId", "uId")
        if let v = merged("callStatsMonitoringInterval").int { pairs.append(("cSMI", String(v))) }
        return pairs
    }

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<WebAgentFrame, DiagnosticList> {
        let tenant = context.tenant
        let defaults = tenant.section("apizee", "webAgent")
        let lookup = MergedOptions(primary: options, fallback: defaults)
        guard let apiKey = tenant.section("apizee")?.string("apiKey") else {
            return .failure([.error(.webAgentApiKeyMissing, "the web-agent needs the tenant's 'apizee.apiKey' (aK)",
                                    at: options.location, hint: "add 'apiKey' under 'apizee:' in \(tenant.file)")])
        }
        if let refusal = legacyProtocolRefusal(defaults) { return .failure([refusal]) }
        let policy = URLPolicy(allowedHosts: ApizeeHosts.webAgentHosts, allowLoopbackHTTP: context.allowLoopbackHTTP)
        let base: SafeURL
        do {
            base = try policy.validate(defaults?.string("url") ?? ApizeeHosts.webAgentDefault)
        } catch {
            return .failure([.error(error.code, "'apizee.webAgent.url': \(error.reason)", at: defaults?.location(of: "url") ?? options.location)])
        }
        let url: SafeURL
        do {
            url = try policy.appendingQuery(base, parameters(apiKey: apiKey, merged: lookup.value))
        } catch {
            return .failure([.error(error.code, "web-agent URL refused: \(error.reason)", at: options.location)])
        }
        var allow = defaults?.strings("allow") ?? ApizeeHosts.defaultAllow
        if defaults?.bool("geolocation") == true && !allow.contains("geolocation") { allow.append("geolocation") }
        return .success(WebAgentFrame(
            url: url,
            protocolVersion: defaults?.string("protocol") ?? "current",
            title: options.string("title") ?? context.text("Video assistance agent", french: "Agent d’assistance vidéo"),
            allow: allow,
            apiKey: apiKey,
            cloudUrl: defaults?.string("cloudUrl"),
            guestName: lookup.value("guest.name").string.flatMap { $0.isEmpty ? nil : $0 },
            guestPhone: lookup.value("guest.phone").string,
            controls: options.bool("controls") ?? false,
            gallery: options.bool("gallery") ?? true,
            toasts: options.bool("toasts") ?? true))
    }

    /// `protocol: 2023-07` is refused. The published app (https://apirtc.github.io/web-agent/)
    /// speaks the current protocol only, so that pair has every host message refused by the app
    /// while `send()` says true (checked with the real builds, Tests/browser/test_real_webagent.py);
    /// a 2023-07 build (gh-pages at 6a63ef5, 2023-08-01) exists only as a self-hosted copy, on a
    /// host the frame URL policy does not admit. Hand-written pages keep the bridge's 2023-07 mode.
    static func legacyProtocolRefusal(_ defaults: ConfigObject?) -> Diagnostic? {
        guard let defaults, defaults.string("protocol") == "2023-07" else { return nil }
        let url = defaults.string("url") ?? ApizeeHosts.webAgentDefault
        return .error(.webAgentLegacyProtocol,
                      "protocol '2023-07' cannot work with \(url): the published web-agent speaks the current protocol only, so the app would refuse every message",
                      at: defaults.location(of: "protocol"),
                      hint: "remove 'protocol' (or write 'current'); a self-hosted 2023-07 build (web-agent 6a63ef5) needs a hand-written page with the bridge's 2023-07 mode (README, \"2023-07 frames\")")
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let frame = AgentFrame(id: "es-frame-\(context.sequence)", url: url, title: title, allow: allow)
        var configuration: [String: JSONValue] = ["apiKey": .string(apiKey)]
        if let cloudUrl { configuration["cloudUrl"] = .string(cloudUrl) }
        var guest: JSONValue = .null
        if guestName != nil || guestPhone != nil {
            var g: [String: JSONValue] = [:]
            if let guestName { g["name"] = .string(guestName) }
            if let guestPhone { g["phone"] = .string(guestPhone) }
            guest = .object(g)
        }
        let settings: JSONValue = [
            "id": .string(frame.id),
            "app": "web-agent",
            "origin": .string(url.origin),
            "protocol": .string(protocolVersion),
            "configuration": ["apiRtc": .object(configuration)],
            "conversation": .null,
            "guest": guest,
            "ui": AgentFrame.ui(controls: controls, gallery: gallery, toasts: toasts),
        ]
        var csp = frame.csp
        if gallery { csp.imageSources.insert("data:") }
        return ComponentOutput(html: frame.html, csp: csp, containsPersonalData: guestName != nil || guestPhone != nil,
                               bridgeFrames: [settings], isAgentTool: true)
    }
}

/// A value looked up by dotted key in the block's options first, then in the tenant defaults.
public struct ConfigValueLookup {
    public var string: String?
    public var bool: Bool?
    public var int: Int?
}

struct MergedOptions {
    var primary: ConfigObject?
    var fallback: ConfigObject?

    func value(_ dotted: String) -> ConfigValueLookup {
        for object in [primary, fallback] {
            guard var current = object else { continue }
            let parts = dotted.split(separator: ".").map(String.init)
            var found = true
            for part in parts.dropLast() {
                guard let next = current.object(part) else { found = false; break }
                current = next
            }
            guard found, let key = parts.last, current.has(key) else { continue }
            return ConfigValueLookup(string: current.string(key), bool: current.bool(key), int: current.int(key))
        }
        return ConfigValueLookup()
    }
}
