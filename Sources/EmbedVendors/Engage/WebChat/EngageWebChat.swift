import EmbedConfig
import EmbedCore

/// TeamViewer Engage / Chatvisor web chat (vendors.md §7): the tenant's script, deferred, with
/// the `CVLoaded` hook handled by the bridge (no inline script), optional co-browsing buttons,
/// visibility check and static visitor labels.
public struct EngageWebChat: Sendable {
    public static let scriptBase = "https://cdn.chatvisor.com/cdn/js/"

    public var script: SafeURL
    public var cobrowse: Bool
    public var checkVisibility: Bool
    public var labels: [String]

    /// The script URL of a script id (what `embedsmith link engage-script` prints).
    public static func scriptURL(id: String) throws(URLRejection) -> SafeURL {
        try URLPolicy(allowedHosts: EngageHosts.scriptHosts).validate(scriptBase + id + ".js")
    }

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<EngageWebChat, DiagnosticList> {
        let engage = context.settings(tenantSection)
        guard let id = engage?[TenantSettings.scriptId] else {
            return .failure([.error(.engageScriptIDMissing, "the Engage web chat needs 'engage.scriptId' in tenant.yaml (the id in cdn.chatvisor.com/cdn/js/<id>.js)",
                                    at: options.location)])
        }
        do {
            return .success(EngageWebChat(script: try scriptURL(id: id),
                                          cobrowse: options[Options.cobrowse] ?? engage.value(TenantSettings.cobrowse) ?? false,
                                          checkVisibility: engage.value(TenantSettings.checkVisibility) ?? false,
                                          labels: engage?[TenantSettings.labels] ?? []))
        } catch {
            return .failure([.error(error.code, "Engage script URL refused: \(error.reason)", at: engage?.location(of: TenantSettings.scriptId) ?? options.location)])
        }
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        var html = TrustedHTML.empty
        if cobrowse {
            func button(_ action: String, _ english: String, _ french: String) -> TrustedHTML {
                HTMLElement("button", [("type", .token("button")), ("class", .token("es-button")),
                                       ("data-embedsmith-cobrowse", .token(action)), ("disabled", .present)],
                            children: TrustedHTML(text: context.text(english, french: french))).html
            }
            html = HTMLElement("div", [("class", .token("es-cobrowse")), ("role", .token("group")),
                                       ("aria-label", .text(context.text("Co-browsing", french: "Co-navigation")))],
                               children: button("start", "Start co-browsing", "Démarrer la co-navigation") + TrustedHTML(producedByTool: " ")
                                   + button("stop", "Stop co-browsing", "Arrêter la co-navigation")).html
        }
        // The vendor script loads its widget from its own hosts (which ones is not documented):
        // the CSP allows the script host and the app host, nothing wider.
        let csp = CSPContribution(frameSources: ["https://app.chatvisor.com"], scriptSources: [script.origin],
                                  connectSources: ["https://app.chatvisor.com", "wss://app.chatvisor.com", script.origin],
                                  imageSources: [script.origin, "https://app.chatvisor.com"])
        return ComponentOutput(html: html, csp: csp,
                               bridge: BridgeContribution(engage: EngageSettings(labels: labels, checkVisibility: checkVisibility, cobrowse: cobrowse)),
                               headScripts: [script])
    }
}
