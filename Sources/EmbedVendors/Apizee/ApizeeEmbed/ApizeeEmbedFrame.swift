import EmbedConfig
import EmbedCore

/// The commercial "Apizee Embed" agent app (vendors.md §3.8): `app.apizee.com/agent/` with
/// iK, cN, gP, iI, l and eR (external references as URL-encoded JSON).
public struct ApizeeEmbedFrame: Sendable {
    public var url: SafeURL
    public var title: String
    public var controls: Bool
    public var gallery: Bool
    public var toasts: Bool
    public var hasPersonalData: Bool

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<ApizeeEmbedFrame, DiagnosticList> {
        let defaults = context.settings(tenantSection)
        let merged = Merged(options: options, defaults: defaults)
        var problems: [Diagnostic] = []
        guard let key = defaults?[TenantSettings.identificationKey] else {
            return .failure([.error(.apizeeEmbedKeyMissing, "the Apizee Embed app needs 'apizee.embed.identificationKey' (iK) in tenant.yaml",
                                    at: options.location)])
        }
        guard let conversation = merged(Shared.conversation, Shared.conversation), !conversation.isEmpty else {
            return .failure([.error(.apizeeEmbedConversationMissing, "the Apizee Embed app needs a conversation name (cN): set 'conversation' here or in apizee.embed",
                                    at: options.location)])
        }
        let guestPhone = merged(Shared.guestPhone, Shared.guestPhone)
        var pairs: [(String, String)] = [("iK", key), ("cN", conversation)]
        if let guestPhone { pairs.append(("gP", guestPhone)) }
        if let installation = defaults?[TenantSettings.installationId] { pairs.append(("iI", installation)) }
        if let locale = merged(Shared.locale, Shared.locale) { pairs.append(("l", locale)) }
        let references = merged(Shared.externalReferences, Shared.externalReferences) ?? []
        if !references.isEmpty {
            let array: [JSONValue] = references.map {
                ["name": .string($0[ExternalReference.name] ?? ""), "reference": .string($0[ExternalReference.reference] ?? "")]
            }
            pairs.append(("eR", ScriptJSON.encode(.array(array))))
        }
        let policy = URLPolicy(allowedHosts: [ApizeeHosts.app], allowLoopbackHTTP: context.allowLoopbackHTTP)
        do {
            let base = try policy.validate(defaults.value(TenantSettings.url) ?? ApizeeHosts.embedDefault)
            let url = try policy.appendingQuery(base, pairs)
            guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
            return .success(ApizeeEmbedFrame(
                url: url,
                title: options[AgentFrameUI.title] ?? context.text("Video assistance agent", french: "Agent d’assistance vidéo"),
                controls: options.value(AgentFrameUI.controls) ?? false,
                gallery: options.value(AgentFrameUI.gallery) ?? true,
                toasts: options.value(AgentFrameUI.toasts) ?? true,
                hasPersonalData: guestPhone != nil))
        } catch {
            problems.append(.error(error.code, "Apizee Embed URL refused: \(error.reason)", at: defaults?.location(of: TenantSettings.url) ?? options.location))
            return .failure(DiagnosticList(problems))
        }
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let frame = AgentFrame(id: "es-frame-\(context.sequence)", url: url, title: title, allow: ApizeeHosts.defaultAllow)
        let settings = FrameSettings(id: frame.id, app: Self.kind, origin: url.origin, protocol: "current",
                                     configuration: nil, conversation: nil, guest: nil,
                                     ui: AgentFrame.ui(controls: controls, gallery: gallery, toasts: toasts))
        var csp = frame.csp
        if gallery { csp.imageSources.insert("data:") }
        return ComponentOutput(html: frame.html, csp: csp, containsPersonalData: hasPersonalData, bridge: BridgeContribution(frames: [settings]), isAgentTool: true)
    }
}
