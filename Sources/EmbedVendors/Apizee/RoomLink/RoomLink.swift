import EmbedConfig
import EmbedCore

/// A link to a room URL that the Apizee REST API returned (vendors.md §2): https, on an Apizee
/// host or the tenant's console CNAME, opened in a new tab without opener or referrer.
public struct RoomLink: Sendable, Equatable {
    public var url: SafeURL
    public var label: String

    public static func allowedHosts(for tenant: TenantConfig) -> Set<String> {
        var hosts = ApizeeHosts.roomHosts
        if let consoleHost = ComponentContext(tenant: tenant).settings(ConsoleFrame.tenantSection)?[ConsoleFrame.TenantSettings.host] { hosts.insert(consoleHost) }
        return hosts
    }

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<RoomLink, DiagnosticList> {
        guard let raw = options[Options.url] else {
            return .failure([.error(.configMissingKey, "missing required key 'url'", at: options.location)])
        }
        let policy = URLPolicy(allowedHosts: allowedHosts(for: context.tenant), allowLoopbackHTTP: context.allowLoopbackHTTP)
        do {
            let url = try policy.validate(raw)
            let label = options[Options.label] ?? context.text(default: Options.label, french: "Rejoindre la session vidéo")
            return .success(RoomLink(url: url, label: label))
        } catch {
            return .failure([.error(error.code, "room link refused: \(error.reason)", at: options.location(of: Options.url))])
        }
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        ComponentOutput(html: NewTabLink.html(url: url, label: label, className: "es-button es-room-link", context: context))
    }
}
