import EmbedSite
import Foundation

/// Where the simulated vendor apps plug into serve (`--stub-vendors`): serve runs a second
/// listener on loopback, on a port of its own, with `handler` answering its requests (after the
/// same Host check and size limits as the site), and builds the site with `adjustBuild`
/// applied, given that listener's origin (`http://127.0.0.1:PORT`), so the tenants' vendor
/// URLs point at the stubs.
public typealias StubVendorHandler = @Sendable (ServeRequest) async -> ServeResponse?

public struct StubVendorSeam: Sendable {
    public var handler: StubVendorHandler
    public var adjustBuild: @Sendable (BuildOptions, _ stubOrigin: String) -> BuildOptions
    /// Paths of serve's own origin also answered by `handler`: the endpoints a page fetches
    /// from where it is served (agent info, ChatApp token, session events), nil for none.
    public var sameOriginPrefix: String?

    public init(handler: @escaping StubVendorHandler,
                adjustBuild: @escaping @Sendable (BuildOptions, _ stubOrigin: String) -> BuildOptions,
                sameOriginPrefix: String? = nil) {
        self.handler = handler
        self.adjustBuild = adjustBuild
        self.sameOriginPrefix = sameOriginPrefix
    }

    /// Whether serve's own origin hands `path` to the stubs.
    func answersOnSiteOrigin(_ path: String) -> Bool {
        sameOriginPrefix.map { path.hasPrefix($0) } ?? false
    }

    /// The stub listener's answer: the Host check and limits first, then the handler
    /// (404 when it has no answer).
    static func answer(_ request: ServeRequest, hostCheck: HostHeaderCheck, handler: StubVendorHandler) async -> ServeResponse {
        guard hostCheck.accepts(request.headers["host"]) else { return .text(421, "Host header refused") }
        if let refusal = RequestLimits.refusal(request, maxBody: RequestLimits.maxStubBodyBytes) { return refusal }
        return await handler(request) ?? .text(404, "not found")
    }
}
