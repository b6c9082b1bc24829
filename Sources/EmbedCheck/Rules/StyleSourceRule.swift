import EmbedCore

/// Stylesheets from another origin carry `integrity` (and `crossorigin`), and every inline
/// style (`<style>` element, `style` attribute) is one the page's `style-src` allows: CSS is
/// not script, but a swapped stylesheet can restyle, hide or overlay the page (and read
/// attribute values through selectors), and a blocked inline style silently drops the look
/// the author wanted.
public struct StyleSourceRule: CheckRule {
    public let id = "style-source"
    public let summary = "cross-origin stylesheets carry integrity; inline styles are allowed by style-src"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for link in page.elements(named: "link") where link.isHTML && Page.relTokens(link).contains("stylesheet") {
            guard let href = link.attribute("href"), let resolved = href.url, let url = resolved.url,
                  !resolved.isSameOrigin(as: page), url.scheme == "https" || url.scheme == "http" else { continue }
            if !link.has("integrity") {
                out.error(Message.noIntegrity(url.origin), on: link, at: href.position, hint: Message.integrityHint)
            } else if !link.has("crossorigin") {
                out.error(Message.noCORS, on: link, at: link.attribute("integrity")?.position, hint: Message.corsHint)
            }
        }
        let metas = page.csp.metas
        guard !metas.isEmpty else { return }
        for style in page.elements(named: "style") where style.isHTML {
            var hash = InlineScriptHash(style.text)
            for meta in metas {
                guard let directive = meta.policy.effective("style-src-elem") else { continue }
                let list = CSPSourceList(directive.sources)
                if list.allowsAllInline { continue }
                if let nonce = style.value("nonce"), list.nonces.contains(nonce) { continue }
                if list.hashes.contains(where: { hash.digest($0.algorithm) == $0.digest }) { continue }
                out.error(Message.blockedElement(directive.name, meta.element.position), on: style, hint: Message.elementHint(hash.sha256Source(), directive.name))
                break
            }
        }
        for element in page.elements where element.isHTML {
            guard let attribute = element.attribute("style") else { continue }
            var hash = InlineScriptHash(attribute.value)
            for meta in metas {
                guard let directive = meta.policy.effective("style-src-attr") else { continue }
                let list = CSPSourceList(directive.sources)
                if list.allowsAllInline { continue }
                // Attributes are allowed by hash only with 'unsafe-hashes' (CSP3).
                let unsafeHashes = directive.sources.contains { $0.asciiLowercased == "'unsafe-hashes'" }
                if unsafeHashes && list.hashes.contains(where: { hash.digest($0.algorithm) == $0.digest }) { continue }
                out.error(Message.blockedAttribute(directive.name, meta.element.position), on: element, at: attribute.position, hint: Message.attributeHint)
                break
            }
        }
    }
}

private enum Message {
    static func noIntegrity(_ origin: String) -> String {
        "stylesheet from \(origin) without integrity: whoever controls that server restyles this page"
    }
    static let integrityHint = "add integrity=\"sha384-…\" (the file's hash) and crossorigin=\"anonymous\", or serve the file yourself"
    static let noCORS = "stylesheet with integrity but no crossorigin: the browser cannot check the hash of a cross-origin file and refuses it"
    static let corsHint = "add crossorigin=\"anonymous\""
    static func blockedElement(_ directive: String, _ meta: Position) -> String {
        "<style> is blocked: \(directive) of the Content-Security-Policy at \(meta.line):\(meta.column) allows neither its hash nor inline styles"
    }
    static func elementHint(_ source: String, _ directive: String) -> String {
        "move the rules to a stylesheet file, or add \(source) to \(directive)"
    }
    static func blockedAttribute(_ directive: String, _ meta: Position) -> String {
        "style attribute is blocked by \(directive) of the Content-Security-Policy at \(meta.line):\(meta.column)"
    }
    static let attributeHint = "move the declarations to a class in a stylesheet file"
}
