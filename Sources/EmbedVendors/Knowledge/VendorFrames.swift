import EmbedCore

/// The vendor apps a page may put in an `<iframe>`, and how to recognise each one from its URL
/// (vendors.md §3, §4, §8). The generator builds these frames; `embedsmith check` judges any
/// page's frames against the same facts.
public struct VendorFrameApp: Sendable, Hashable {
    public var id: String
    public var vendor: String
    public var hosts: Set<String>
    /// Path prefixes on those hosts (`/web-agent`); empty means any path.
    public var pathPrefixes: [String]
    /// The app posts a single `ready` when it mounts (web-agent, Apizee Embed): the page's
    /// `message` listener must exist before the frame can load.
    public var sendsReadyOnce: Bool

    public func matches(_ url: WebURL) -> Bool {
        guard url.scheme == "https", hosts.contains(url.hostname) else { return false }
        return pathPrefixes.isEmpty || pathPrefixes.contains { url.pathname == $0 || url.pathname.hasPrefix($0 + "/") }
    }
}

public enum VendorFrames {
    /// ApiRTC web-agent: GitHub Pages build and the v0.1 build on app.apizee.com (vendors.md §3.1).
    public static let webAgent = VendorFrameApp(id: "web-agent", vendor: "Apizee", hosts: ApizeeHosts.webAgentHosts,
                                                pathPrefixes: ["/web-agent", "/0.1/web-agent"], sendsReadyOnce: true)
    /// The commercial Apizee Embed agent app (vendors.md §3.8).
    public static let apizeeEmbed = VendorFrameApp(id: "apizee-embed", vendor: "Apizee", hosts: [ApizeeHosts.app],
                                                   pathPrefixes: ["/agent"], sendsReadyOnce: true)
    /// ChatApp Dialog (vendors.md §8.1); `chat.chatapp.online` is the older host of the same app.
    public static let chatAppDialog = VendorFrameApp(id: "chatapp-dialog", vendor: "ChatApp", hosts: ChatAppDialog.hosts,
                                                     pathPrefixes: [], sendsReadyOnce: false)

    public static let apps: [VendorFrameApp] = [webAgent, apizeeEmbed, chatAppDialog]

    /// Every host a vendor frame may be loaded from, before a project adds its own
    /// (an Apizee console CNAME, a self-hosted web-agent).
    public static let hosts: Set<String> = apps.reduce(into: Set<String>()) { $0.formUnion($1.hosts) }

    /// Hosts that must never be framed directly, with the reason (vendors.md §4: the console
    /// only works through the CNAME Apizee authorised).
    public static let unframeableHosts: [String: String] = [
        ApizeeHosts.cloud: "the Apizee console cannot be framed on cloud.apizee.com itself; frame the CNAME Apizee authorised for your domain (e.g. apizee.example.com)",
    ]

    public static func app(for url: WebURL) -> VendorFrameApp? { apps.first { $0.matches(url) } }
}
