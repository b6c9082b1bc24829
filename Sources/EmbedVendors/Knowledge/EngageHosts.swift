/// TeamViewer Engage / Chatvisor hosts (vendors.md §7).
public enum EngageHosts {
    public static let scriptHosts: Set<String> = ["cdn.chatvisor.com", "engage.teamviewer.com", "staging.engage.teamviewer.com"]
    /// Hosts of the back office and REST API, where "public links" log an agent in.
    public static let appHosts: Set<String> = ["app.chatvisor.com", "api.chatvisor.com", "engage.teamviewer.com",
                                               "staging.engage.teamviewer.com"]
}
