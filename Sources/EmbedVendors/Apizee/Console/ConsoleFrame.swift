import EmbedConfig
import EmbedCore

/// The Apizee console framed through the tenant's CNAME of cloud.apizee.com (vendors.md §4).
/// Framing cloud.apizee.com itself does not work (Apizee must authorise the CNAME), so it is refused.
public struct ConsoleFrame: Sendable {
    public var url: SafeURL
    public var title: String

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<ConsoleFrame, DiagnosticList> {
        let console = context.settings(tenantSection)
        guard let host = console?[TenantSettings.host] else {
            return .failure([.error(.consoleHostMissing, "the console iframe needs 'apizee.console.host' (your CNAME of cloud.apizee.com) in tenant.yaml",
                                    at: options.location)])
        }
        if host == ApizeeHosts.cloud || host == ApizeeHosts.app {
            return .failure([.error(.consoleHostForbidden, "'\(DisplayText.excerpt(host))' cannot be framed directly: use the CNAME Apizee authorised for your domain (e.g. apizee.example.com)",
                                    at: console?.location(of: TenantSettings.host) ?? options.location)])
        }
        let policy = URLPolicy(allowedHosts: [host], forbiddenHosts: [ApizeeHosts.cloud, ApizeeHosts.app])
        do {
            let url = try policy.validate("https://\(host)\(options.value(Options.path) ?? "/")")
            return .success(ConsoleFrame(url: url, title: options[Options.title] ?? context.text("Apizee console", french: "Console Apizee")))
        } catch {
            return .failure([.error(error.code, "console URL refused: \(error.reason)", at: options.location)])
        }
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let frame = AgentFrame(id: "es-frame-\(context.sequence)", url: url, title: title, allow: ApizeeHosts.consoleAllow,
                               className: "es-frame es-console")
        return ComponentOutput(html: frame.html, csp: frame.csp, isAgentTool: true)
    }
}
