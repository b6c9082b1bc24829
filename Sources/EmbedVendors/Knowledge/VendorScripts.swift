import EmbedCore

/// Vendor scripts whose content changes without their URL changing, so a page cannot pin them
/// with Subresource Integrity (vendors.md §5.1, §7.1).
public enum VendorScripts {
    public struct Mutable: Sendable {
        public var name: String
        public var hosts: Set<String>
        public var matchesPath: @Sendable (String) -> Bool
    }

    public static let mutable: [Mutable] = [
        // loaderAgent.js: current CDN, and `<server>/agent/loaderAgent.js` on Apizee servers.
        Mutable(name: "Apizee loaderAgent.js", hosts: [ApizeeHosts.loaderScriptHost, ApizeeHosts.cloud],
                matchesPath: { $0 == "/agent/loaderAgent.js" }),
        // TeamViewer Engage tenant script, regenerated about a minute after each config change.
        Mutable(name: "TeamViewer Engage tenant script", hosts: EngageHosts.scriptHosts,
                matchesPath: { $0.hasPrefix("/cdn/js/") && $0.hasSuffix(".js") }),
    ]

    /// The name of the vendor script at this URL if its content is known to change.
    public static func mutableScript(at url: WebURL) -> String? {
        mutable.first { $0.hosts.contains(url.hostname) && $0.matchesPath(url.pathname) }?.name
    }
}
