/// Apizee host names (vendors.md §1–4).
public enum ApizeeHosts {
    public static let cloud = "cloud.apizee.com"
    public static let app = "app.apizee.com"
    public static let webAgentDefault = "https://apirtc.github.io/web-agent/"
    /// Hosts a room URL from the REST API may point to; the tenant's console CNAME is added at use.
    public static let roomHosts: Set<String> = [cloud, app]
}
