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
        let defaults = context.tenant.section("apizee", "embed")
        let lookup = MergedOptions(primary: options, fallback: defaults)
        var problems: [Diagnostic] = []
        guard let key = defaults?.string("identificationKey") else {
            return .failure([.error(.apizeeEmbedKeyMissing, "the Apizee Embed app needs 'apizee.embed.identificationKey' (iK) in tenant.yaml",
                                    at: options.location)])
        }
        guard let conversation = lookup.value("conversation").string, !conversation.isEmpty else {
            return .failure([.error(.apizeeEmbedConversationMissing, "the Apizee Embed app needs a conversation name (cN): set 'conversation' here or in apizee.embed",
                                    at: options.location)])
        }
        var pairs: [(String, String)] = [("iK", key), ("cN", conversation)]
        if let phone = lookup.value("guestPhone").string { pairs.append(("gP", phone)) }
        if let installation = defaults?.string("installationId") { pairs.append(("iI", installation)) }
        if let locale = lookup.value("locale").string { pairs.append(("l", locale)) }
        let references = options.list("externalReferences") ?? defaults?.list("externalReferences") ?? []
        if !references.isEmpty {
            let array: [JSONValue] = references.compactMap(\.object).map {
                ["name": .string($0.string("name") ?? ""), "reference": .string($0.string("reference") ?? "")]
            }
            pairs.append(("eR", ScriptJSON.encode(.array(array))))
        }
        let policy = URLPolicy(allowedHosts: [ApizeeHosts.app], allowLoopbackHTTP: context.allowLoopbackHTTP)
        do {
            let base = try policy.validate(defaults?.string("url") ?? ApizeeHosts.embedDefault)
            let url = try policy.appendingQuery(base, pairs)
            guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
            return .success(ApizeeEmbedFrame(
                url: url,
                title: options.string("title") ?? context.text("Video assistance agent", french: "Agent d’assistance vidéo"),
                controls: options.bool("controls") ?? false,
                gallery: options.bool("gallery") ?? true,
                toasts: options.bool("toasts") ?? true,
                hasPersonalData: lookup.value("guestPhone").string != nil))
        } catch {
            problems.append(.error(error.code, "Apizee Embed URL refused: \(error.reason)", at: defaults?.location(of: "url") ?? options.location))
            return .failure(DiagnosticList(problems))
        }
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let frame = AgentFrame(id: "es-frame-\(context.sequence)", url: url, title: title, allow: ApizeeHosts.defaultAllow)
        let settings: JSONValue = [
            "id": .string(frame.id),
            "app": "apizee-embed",
            "origin": .string(url.origin),
            "protocol": "current",
            "configuration": .null,
            "conversation": .null,
            "guest": .null,
            "ui": AgentFrame.ui(controls: controls, gallery: gallery, toasts: toasts),
        ]
        var csp = frame.csp
        if gallery { csp.imageSources.insert("data:") }
        return ComponentOutput(html: frame.html, csp: csp, containsPersonalData: hasPersonalData, bridgeFrames: [settings], isAgentTool: true)
    }
}
