import EmbedCore
import EmbedVendors

/// No script from the page's own origin but embedsmith's bridge (by its file name, with
/// `integrity`): where tenants publish files on the origin (their assets), a same-origin
/// script is whatever file a tenant put there, and a policy that allows it (`script-src
/// 'self'`) runs every such file. Generated pages load only the bridge, allowed by its hash.
public struct ScriptSameOriginRule: CheckRule {
    public let id = "script-same-origin"
    public let summary = "no same-origin script other than the embedsmith bridge with integrity"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for script in page.elements(named: "script") where script.isHTML && PageCSP.isExecutable(script) {
            guard let src = script.attribute("src"), let resolved = src.url, let url = resolved.url, resolved.isSameOrigin(as: page) else { continue }
            let isBridge = HostBridge.isBridgeScript(path: url.pathname)
            if isBridge && script.has("integrity") { continue }
            out.error(isBridge ? Message.bridgeWithoutIntegrity : Message.sameOrigin(src.value.trimmingHTMLSpace.clipped(60)),
                      on: script, at: src.position, hint: isBridge ? Message.integrityHint : Message.hint)
        }
    }
}

private enum Message {
    static func sameOrigin(_ src: String) -> String {
        "script '\(src)' is loaded from the page's own origin and is not embedsmith's bridge: whoever can publish a file there (a tenant's assets) runs code in this page"
    }
    static let hint = "remove it; if only you can publish on this origin, set script-same-origin to off in embedsmith.yaml, and allow your script by its hash (integrity + a 'sha384-…' source), not 'self'"
    static let bridgeWithoutIntegrity = "the bridge script has no integrity: any file of that name on this origin would run in its place"
    static let integrityHint = "load it as embedsmith does: integrity=\"sha384-…\", and the same hash in script-src instead of 'self'"
}
