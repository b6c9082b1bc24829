import EmbedCore

/// Every inline script is allowed by the page's CSP through the hash of its exact text
/// (sha256, sha384 or sha512), and every hash in `script-src` matches an inline script or the
/// `integrity` of an external one (CSP3 allows such a script by that hash: how generated pages
/// allow the bridge without `'self'`).
public struct CSPScriptHashRule: CheckRule {
    public let id = "csp-script-hash"
    public let summary = "every inline script's hash is in script-src, and every script-src hash matches a script"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let metas = page.csp.metas
        guard !metas.isEmpty else { return }
        let scripts = page.elements(named: "script").filter { !$0.has("src") && PageCSP.isExecutable($0) }
        var matched: Set<String> = []
        for script in scripts {
            var hash = InlineScriptHash(script.text)
            for meta in metas {
                guard let directive = meta.policy.effective("script-src-elem") else { continue }
                let list = CSPSourceList(directive.sources)
                if list.allowsAllInline { continue }
                if let nonce = script.value("nonce"), list.nonces.contains(nonce) { continue }
                let hit = list.hashes.first { hash.digest($0.algorithm) == $0.digest }
                if let hit {
                    matched.insert(hit.source)
                } else {
                    out.error(Message.blocked(directive.name, meta.element.position), on: script,
                              hint: Message.addHint(hash.sha256Source(), directive.name))
                    break
                }
            }
        }
        for script in page.elements(named: "script") where script.has("src") {
            for token in (script.value("integrity") ?? "").splitOnHTMLSpace {
                let metadata = token.split(separator: "?", maxSplits: 1).first.map(String.init) ?? String(token)
                guard let pinned = CSPSourceList.hashSource("'" + metadata + "'") else { continue }
                for meta in metas {
                    guard let directive = meta.policy.effective("script-src-elem") else { continue }
                    for hash in CSPSourceList(directive.sources).hashes where hash.algorithm == pinned.algorithm && hash.digest == pinned.digest {
                        matched.insert(hash.source)
                    }
                }
            }
        }
        for meta in metas {
            guard let directive = meta.policy.effective("script-src-elem") else { continue }
            let content = meta.element.attribute("content")
            for stale in CSPSourceList(directive.sources).hashes where !matched.contains(stale.source) {
                out.warning(Message.stale(stale.source), on: meta.element, at: content?.position(ofText: stale.source), hint: Message.staleHint)
            }
        }
    }
}

private enum Message {
    static func blocked(_ directive: String, _ meta: Position) -> String {
        "inline script is blocked: its hash is not in \(directive) of the Content-Security-Policy at \(meta.line):\(meta.column)"
    }
    static func addHint(_ source: String, _ directive: String) -> String {
        "add \(source) to \(directive) (the hash of the script's exact text), or move the script to a file"
    }
    static func stale(_ source: String) -> String { "script-src hash \(source.clipped(60)) matches no inline script and no script's integrity" }
    static let staleHint = "remove it: a leftover hash allows a script nobody reviewed"
}
