import EmbedConfig
import EmbedCore

/// Links that log an agent in by themselves: bearer credentials that must never be published
/// (vendors.md §7.5, §9.1). Engage's "public links" (Chat, Chat by Customer, LiveView by
/// session and user, pre-signed URLs) carry the agent's login e-mail in their path; the
/// pre-signed form has a `redirectPath` query key. Their exact paths are not documented, so
/// the shape is what is recognised.
public enum AgentLoginLinks {
    /// Why this URL is an agent auto-login link, or nil.
    public static func reason(for url: WebURL) -> String? {
        guard EngageHosts.appHosts.contains(url.hostname) else { return nil }
        let path = QueryEncoding.decodeComponent(url.pathname, plusAsSpace: false)
        if path.split(separator: "/").contains(where: { ValueRules.isEmail(String($0)) }) {
            return "a TeamViewer Engage public link with an agent's login e-mail logs that agent in for whoever opens it"
        }
        if let query = url.query, query.split(separator: "&").contains(where: { $0.lowercased().hasPrefix("redirectpath=") }) {
            return "a TeamViewer Engage pre-signed URL logs an agent in for whoever opens it"
        }
        return nil
    }
}
