import EmbedCore

/// `serve --stub-vendors`: where the simulated vendor apps run (a loopback http origin), and how
/// each component's vendor URL is pointed at them. Components validate the tenant's real URLs
/// first (a config error shows as in production); only the validated result is redirected, at
/// the paths the stub router answers (`VendorStubCatalog` in EmbedVendorStubs; a test there
/// checks every URL made here is answered).
public struct VendorStubOrigin: Sendable, Hashable {
    /// `http://127.0.0.1:8802`: scheme, loopback host and port, nothing else.
    public let origin: String
    /// Where `serve` forwards same-origin endpoint requests (agent-info, ChatApp token, session
    /// events) to the stub router; equal to `VendorStubCatalog.sameOriginPrefix`.
    public static let sameOriginPrefix = "/__embedsmith/vendor-stubs"

    /// Nil unless `origin` is a loopback http(s) origin with nothing after it (no path, query,
    /// credentials): the stubs must never point a page at another machine.
    public init?(_ origin: String) {
        guard let url = try? URLPolicy(allowLoopbackHTTP: true).validate(origin),
              URLPolicy.isLoopback(url.host), url.parsed.pathname == "/", url.parsed.query == nil,
              url.parsed.fragment == nil, url.string == url.origin + "/" else { return nil }
        self.origin = url.origin
    }

    /// The stub URL for `path` (starting with `/`), keeping `query` (the vendor URL's own).
    func url(_ path: String, query: String? = nil) -> SafeURL? {
        try? URLPolicy(allowLoopbackHTTP: true).validate(origin + path + (query.map { "?" + $0 } ?? ""))
    }

    func redirect(_ url: SafeURL, to path: String) -> SafeURL {
        // Cannot fail: the origin was validated and the path and query come from a SafeURL.
        self.url(path, query: url.parsed.query) ?? url
    }

    public func webAgent(_ url: SafeURL) -> SafeURL { redirect(url, to: "/web-agent/") }
    public func apizeeEmbed(_ url: SafeURL) -> SafeURL { redirect(url, to: "/agent/") }
    public func console(_ url: SafeURL) -> SafeURL { redirect(url, to: "/console/") }
    public func chatApp(_ url: SafeURL) -> SafeURL { redirect(url, to: "/chatapp/") }
    /// serverDomainRoot: the stub origin itself (its root page lists the stubs).
    public var loaderServer: SafeURL? { url("/") }
    public var loaderScript: SafeURL? { url("/loader/loaderAgent.js") }
    /// The Engage script at the vendor's path shape, the tenant's script id kept.
    public func engageScript(_ url: SafeURL) -> SafeURL {
        redirect(url, to: "/cdn/js/" + (url.parsed.pathname.split(separator: "/").last.map(String.init) ?? "stub.js"))
    }
    public static let agentInfoEndpoint = sameOriginPrefix + "/api/apizee/me"
    public static let chatAppTokenEndpoint = sameOriginPrefix + "/api/chatapp/token"
    public static let sessionEventsEndpoint = sameOriginPrefix + "/api/apizee/tickets/{ticketId}/events"
}

/// Each component with a vendor URL, pointed at the stubs when the context says so.
private func redirected<Component>(_ component: Component, _ stubs: VendorStubOrigin?,
                                   _ change: (inout Component, VendorStubOrigin) -> Void) -> Component {
    guard let stubs else { return component }
    var copy = component
    change(&copy, stubs)
    return copy
}

extension WebAgentFrame {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self { redirected(self, stubs) { $0.url = $1.webAgent($0.url) } }
}

extension ApizeeEmbedFrame {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self { redirected(self, stubs) { $0.url = $1.apizeeEmbed($0.url) } }
}

extension ConsoleFrame {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self { redirected(self, stubs) { $0.url = $1.console($0.url) } }
}

extension LoaderAgentBootstrap {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self {
        redirected(self, stubs) {
            if let server = $1.loaderServer, let script = $1.loaderScript {
                $0.server = server
                $0.script = script
            }
            $0.endpoint = VendorStubOrigin.agentInfoEndpoint
        }
    }
}

extension ChatAppEmbed {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self {
        redirected(self, stubs) {
            $0.url = $1.chatApp($0.url)
            if $0.tokenEndpoint != nil { $0.tokenEndpoint = VendorStubOrigin.chatAppTokenEndpoint }
        }
    }
}

extension EngageWebChat {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self { redirected(self, stubs) { $0.script = $1.engageScript($0.script) } }
}

extension SessionTimeline {
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self { redirected(self, stubs) { component, _ in component.endpoint = VendorStubOrigin.sessionEventsEndpoint } }
}
