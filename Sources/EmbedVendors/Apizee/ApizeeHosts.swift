/// Apizee host names (vendors.md §1–4).
public enum ApizeeHosts {
    public static let cloud = "cloud.apizee.com"
    public static let app = "app.apizee.com"
    public static let webAgentDefault = "https://apirtc.github.io/web-agent/"
    /// Hosts a room URL from the REST API may point to; the tenant's console CNAME is added at use.
    public static let roomHosts: Set<String> = [cloud, app]
    /// Where the web-agent app is published (GitHub Pages build, v0.1 build on app.apizee.com).
    public static let webAgentHosts: Set<String> = ["apirtc.github.io", app]
    public static let embedDefault = "https://app.apizee.com/agent/"
    public static let loaderScriptDefault = "https://cdn.apirtc.com/agent/loaderAgent.js"
    public static let loaderScriptHost = "cdn.apirtc.com"
    public static let loaderServerDefault = "https://cloud.apizee.com/"
    /// The vendor README's allow list (vendors.md §3.3).
    public static let defaultAllow = ["autoplay", "microphone", "camera", "display-capture", "encrypted-media", "clipboard-write"]
    /// For the console, which shares the video features (vendors.md §4).
    public static let consoleAllow = ["camera", "microphone", "autoplay", "display-capture", "clipboard-write"]
}
