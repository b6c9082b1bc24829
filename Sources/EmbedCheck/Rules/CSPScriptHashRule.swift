import EmbedCore

/// Every inline script is allowed by the page's CSP through the hash of its exact text
/// (sha256, sha384 or sha512) or a nonce on a nonceable element; a hash in `script-src` that
/// matches no inline script and no external script's `integrity` (CSP3 allows such a script
/// by that hash: how generated pages allow the bridge without `'self'`) is a note, since a
/// script added at run time may use it.
public struct CSPScriptHashRule: CheckRule {
    public let id = "csp-script-hash"
    public let summary = "every inline script's hash is in script-src, and every script-src hash matches a script"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let metas = page.csp.metas
        guard !metas.isEmpty else { return }
        // An empty <script></script> runs nothing, so CSP never checks it ("prepare the script
        // element" returns before the CSP check when the source text is empty); " " is checked.
        let scripts = page.elements(named: "script").filter { !$0.has("src") && PageCSP.isExecutable($0) && !$0.text.isEmpty }
        var matched: Set<String> = []
        for script in scripts {
            var hash = InlineScriptHash(script.text)
            for meta in metas {
                guard let directive = meta.policy.effective("script-src-elem") else { continue }
                let list = CSPSourceList(directive.sources)
                if list.allowsAllInline { continue }
                let nonced = script.value("nonce").map { list.nonces.contains($0) } ?? false
                if nonced && Self.isNonceable(script) { continue }
                let hit = list.hashes.first { hash.digest($0.algorithm) == $0.digest }
                if let hit {
                    matched.insert(hit.source)
                } else if nonced {
                    out.error(Message.notNonceable(directive.name), on: script, hint: Message.nonceableHint)
                    break
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
                out.add(.note, Message.stale(stale.source), on: meta.element, at: content?.position(ofText: stale.source), hint: Message.staleHint)
            }
        }
    }
}

extension CSPScriptHashRule {
    /// CSP3 "Is element nonceable?": not when an attribute's name or value holds "<script" or
    /// "<style" (a dangling-markup injection may have swallowed a nonced element's start tag).
    /// A duplicate attribute also makes it not nonceable, but the HTML parser keeps only the
    /// first, so the page model cannot see one.
    static func isNonceable(_ script: PageElement) -> Bool {
        !script.attributes.contains { attribute in
            let name = attribute.name.asciiLowercased, value = attribute.value.asciiLowercased
            return name.contains("<script") || name.contains("<style") || value.contains("<script") || value.contains("<style")
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
    static func notNonceable(_ directive: String) -> String {
        "inline script is blocked: its nonce matches \(directive), but an attribute holds '<script' or '<style', so browsers refuse the nonce (CSP3 \"is element nonceable\")"
    }
    static let nonceableHint = "keep '<script' and '<style' out of the script's attributes"
    static func stale(_ source: String) -> String {
        "script-src hash \(source.clipped(60)) matches no inline script and no script's integrity in this page"
    }
    static let staleHint = "a script added at run time may use it; if none does, it allows a script nobody reviewed"
}
