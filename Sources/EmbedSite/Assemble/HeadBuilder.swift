import EmbedCore
import EmbedVendors

/// The tool-written part of `<head>`: charset, CSP first, then metadata, stylesheets and the
/// bridge with its JSON settings when the page needs them.
enum HeadBuilder {
    static func build(page: ParsedPage, canonical: SafeURL?, csp: ContentSecurityPolicy,
                      stylesheets: [HashedAsset], bridge: HashedAsset?, bridgeSettings: JSONValue?,
                      deferredScripts: [SafeURL] = []) -> TrustedHTML {
        let root = PagePaths.rootPrefix(of: page.source.outputPath)
        var head = TrustedHTML(producedByTool: "<meta charset=\"utf-8\">\n")
        head.append(HTMLElement("meta", [("http-equiv", .token("Content-Security-Policy")), ("content", .token(csp.metaValue))]).html)
        head.append(TrustedHTML(producedByTool: "\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"))
        if let description = page.meta.description {
            head.append(HTMLElement("meta", [("name", .token("description")), ("content", .text(description))]).html)
            head.append(TrustedHTML(producedByTool: "\n"))
        }
        if page.meta.noindex ?? (page.containsPersonalData || page.isAgentTool) {
            head.append(TrustedHTML(producedByTool: "<meta name=\"robots\" content=\"noindex\">\n"))
        }
        if let canonical {
            head.append(HTMLElement("link", [("rel", .token("canonical")), ("href", .url(canonical))]).html)
            head.append(TrustedHTML(producedByTool: "\n"))
        }
        for sheet in stylesheets {
            head.append(HTMLElement("link", [("rel", .token("stylesheet")), ("href", .localPath(root + sheet.path)),
                                             ("integrity", .token(sheet.integrity))]).html)
            head.append(TrustedHTML(producedByTool: "\n"))
        }
        if let bridge, let bridgeSettings {
            head.append(TrustedHTML(producedByTool: "<script type=\"application/json\" id=\"embedsmith-config\">"
                                    + ScriptJSON.encode(bridgeSettings) + "</script>\n"))
            head.append(HTMLElement("script", [("src", .localPath(root + bridge.path)), ("integrity", .token(bridge.integrity))]).html)
            head.append(TrustedHTML(producedByTool: "\n"))
        }
        // Vendor scripts whose content changes without notice (Engage regenerates its file when
        // the tenant edits settings): no integrity possible, so they are deferred after the bridge.
        for script in deferredScripts {
            head.append(HTMLElement("script", [("src", .url(script)), ("defer", .present)]).html)
            head.append(TrustedHTML(producedByTool: "\n"))
        }
        return head
    }
}
