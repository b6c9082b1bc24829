import EmbedCore

/// Finds the weaknesses of a page's enforced policies against injected script, as Google's CSP
/// Evaluator does for its HIGH findings (`checks/security_checks.ts` at d5cddb91), with the
/// browser's CSP3 reading: malformed nonces and hashes are not sources (so `'unsafe-inline'`
/// holds), `'strict-dynamic'` makes host and scheme sources inert, and with several policies a
/// weakness counts only when no other policy blocks the same thing (a browser enforces all).
enum CSPStrength {
    /// Schemes that let a script (or plugin, or base URL) come from anywhere: the evaluator's
    /// `data:`, `http:`, `https:`, plus `blob:` and `filesystem:` (content the page itself made
    /// from attacker-chosen text).
    static let broadSchemes: Set<String> = ["data", "http", "https", "blob", "filesystem"]

    /// Analysed sets of policies by their texts: thousands of pages share a few sets.
    private static let memo = SharedMemo<[String], [CSPWeakness]>(limit: 4096)

    /// The weaknesses of the policies a browser enforces together (the analysis depends only on
    /// each policy's parsed directives, `CSPPolicy.text`, so equal sets share one result).
    static func weaknesses(_ policies: [CSPPolicy]) -> [CSPWeakness] {
        guard !policies.isEmpty else { return [] }
        let key = policies.map(\.text)
        let small = key.reduce(0) { $0 + $1.utf8.count } <= CSPPolicy.maxMemoTextBytes
        return memo.value(key, keep: small) { analyse(policies) }
    }

    static func analyse(_ policies: [CSPPolicy]) -> [CSPWeakness] {
        var found: [CSPWeakness] = []
        var restricts: [[CSPWeakness.Group]] = []
        for (index, policy) in policies.enumerated() {
            found += weaknesses(of: policy, index: index)
            restricts.append(restrictedGroups(policy))
        }
        // A weakness of one policy is harmless when another policy restricts the same thing
        // without a weakness of that group.
        let all = found
        found = all.filter { weakness in
            let group = weakness.category.group
            return !policies.indices.contains { other in
                other != weakness.policy && restricts[other].contains(group)
                    && !all.contains { $0.policy == other && $0.category.group == group }
            }
        }
        found += missing(policies)
        return found
    }

    /// What a policy restricts at all, by weakness group.
    static func restrictedGroups(_ policy: CSPPolicy) -> [CSPWeakness.Group] {
        var groups: [CSPWeakness.Group] = []
        if policy.effective("script-src-elem") != nil { groups += [.inlineScript, .scriptURL] }
        if policy.effective("script-src") != nil { groups.append(.eval) }
        if policy.effective("object-src") != nil { groups.append(.object) }
        if policy.directive("base-uri") != nil { groups.append(.base) }
        return groups
    }

    static func weaknesses(of policy: CSPPolicy, index: Int) -> [CSPWeakness] {
        var found: [CSPWeakness] = []
        var seen: Set<String> = []
        let scriptDirectives = ["script-src", "script-src-elem", "script-src-attr"].compactMap { name -> CSPPolicy.Directive? in
            guard let directive = policy.effective(name), seen.insert(directive.name).inserted else { return nil }
            return directive
        }
        for directive in scriptDirectives {
            let list = CSPSourceList(directive.sources)
            if list.allowsAllInline, let token = directive.sources.first(where: { $0.asciiLowercased == "'unsafe-inline'" }) {
                found.append(CSPWeakness(category: .unsafeInlineScript, policy: index, directive: directive.name, source: token))
            }
            // Event handler attributes load no URL: script-src-attr's hosts and schemes do nothing.
            guard directive.name != "script-src-attr", !list.hasStrictDynamic else { continue }
            found += broadSources(directive, index: index, scheme: .schemeScript, wildcard: .wildcardScript)
            found += allowlistBypasses(directive, index: index)
        }
        if let script = policy.effective("script-src"),
           let token = script.sources.first(where: { $0.asciiLowercased == "'unsafe-eval'" }) {
            found.append(CSPWeakness(category: .unsafeEval, policy: index, directive: script.name, source: token))
        }
        if let object = policy.effective("object-src") {
            found += broadSources(object, index: index, scheme: .schemeObject, wildcard: .wildcardObject)
            found += flashBypasses(object, policy: policy, index: index)
        }
        if let base = policy.directive("base-uri") {
            found += broadSources(base, index: index, scheme: .schemeBaseURI, wildcard: .wildcardBaseURI)
        }
        return found
    }

    /// `*`, `https://*`, `//*` (any host) and the broad schemes.
    static func broadSources(_ directive: CSPPolicy.Directive, index: Int,
                             scheme: CSPWeakness.Category, wildcard: CSPWeakness.Category) -> [CSPWeakness] {
        directive.sources.compactMap { token in
            if isAnyHost(token) {
                return CSPWeakness(category: wildcard, policy: index, directive: directive.name, source: token)
            }
            if case .scheme(let name) = CSPSourceExpression(token), broadSchemes.contains(name) {
                return CSPWeakness(category: scheme, policy: index, directive: directive.name, source: token)
            }
            return nil
        }
    }

    /// A host part of `*`, with or without scheme, port or path; `//*` too, which the grammar
    /// refuses but the evaluator (and lenient parsers) read as any host.
    static func isAnyHost(_ token: String) -> Bool {
        if case .host(let host) = CSPSourceExpression(token) { return host.isAnyHost }
        return token == "//*" || token.hasPrefix("//*:") || token.hasPrefix("//*/")
    }

    /// Allowlisted hosts that serve JSONP or old AngularJS (the evaluator skips a list that
    /// holds `'none'`; `CSPSyntaxRule` reports that such a `'none'` is ignored).
    static func allowlistBypasses(_ directive: CSPPolicy.Directive, index: Int) -> [CSPWeakness] {
        let lower = directive.sources.map(\.asciiLowercased)
        guard !lower.contains("'none'") else { return [] }
        let evalAllowed = lower.contains("'unsafe-eval'")
        var found: [CSPWeakness] = []
        for token in directive.sources {
            guard let pattern = BypassPattern(token) else { continue }
            var hit = pattern.firstMatch(in: BypassPattern.angular).map { ($0.host, "old AngularJS files") }
            if hit == nil, let jsonp = pattern.firstMatch(in: BypassPattern.jsonp),
               evalAllowed || !CSPAllowlistBypasses.jsonpNeedingEval.contains(jsonp.host) {
                hit = (jsonp.host, "JSONP endpoints")
            }
            if let hit {
                found.append(CSPWeakness(category: .allowlistBypass, policy: index, directive: directive.name, source: token, bypass: hit))
            }
        }
        return found
    }

    /// Flash files on an allowlisted `object-src` host, unless `plugin-types` leaves Flash out.
    static func flashBypasses(_ directive: CSPPolicy.Directive, policy: CSPPolicy, index: Int) -> [CSPWeakness] {
        if let types = policy.directive("plugin-types"), !types.sources.map(\.asciiLowercased).contains("application/x-shockwave-flash") { return [] }
        guard !directive.sources.map(\.asciiLowercased).contains("'none'") else { return [] }
        return directive.sources.compactMap { token in
            guard let pattern = BypassPattern(token), let hit = pattern.firstMatch(in: BypassPattern.flash) else { return nil }
            return CSPWeakness(category: .flashBypass, policy: index, directive: directive.name, source: token, bypass: (hit.host, "Flash files"))
        }
    }

    /// Missing `script-src`, `object-src` and (for nonce policies, and hash policies with
    /// `'strict-dynamic'`: a `<base>` would redirect their relative scripts) `base-uri`, in
    /// every policy.
    static func missing(_ policies: [CSPPolicy]) -> [CSPWeakness] {
        var found: [CSPWeakness] = []
        if !policies.contains(where: { $0.effective("script-src") != nil }) {
            found.append(CSPWeakness(category: .missingScriptSrc, policy: 0, directive: nil, source: nil))
        }
        if !policies.contains(where: { $0.effective("object-src") != nil }) {
            found.append(CSPWeakness(category: .missingObjectSrc, policy: 0, directive: nil, source: nil))
        }
        let needsBase = policies.contains { policy in
            guard let script = policy.effective("script-src") else { return false }
            let list = CSPSourceList(script.sources)
            return !list.nonces.isEmpty || (!list.hashes.isEmpty && list.hasStrictDynamic)
        }
        if needsBase && !policies.contains(where: { $0.directive("base-uri") != nil }) {
            found.append(CSPWeakness(category: .missingBaseURI, policy: 0, directive: nil, source: nil))
        }
        return found
    }
}

/// A host source read as the evaluator matches it against its bypass lists
/// (`utils.matchWildcardUrls`): host (`*.` for any subdomain), and path (a prefix when it ends
/// in `/`, else exact).
struct BypassPattern {
    var host: String
    var anySubdomain: Bool
    var path: String

    /// Nil for keywords, schemes and tokens without a dot (no host the lists could name).
    init?(_ token: String) {
        guard case .host(let source) = CSPSourceExpression(token), source.host.contains("."), !source.isAnyHost else { return nil }
        anySubdomain = source.host.hasPrefix("*.")
        host = anySubdomain ? String(source.host.dropFirst(1)) : source.host      // ".google.com"
        path = source.path
    }

    struct Hit { var host: String }

    /// A bypass list's URL split into host (lowercased) and path, once per list.
    struct Entry: Sendable {
        var host: String
        var path: String

        init(_ url: String) {
            let rest = url.hasPrefix("//") ? url.dropFirst(2) : Substring(url)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            host = rest[..<slash].asciiLowercased
            path = slash == rest.endIndex ? "/" : String(rest[slash...])
        }
    }

    static let angular = CSPAllowlistBypasses.angular.map(Entry.init)
    static let jsonp = CSPAllowlistBypasses.jsonp.map(Entry.init)
    static let flash = CSPAllowlistBypasses.flash.map(Entry.init)

    func firstMatch(in entries: [Entry]) -> Hit? {
        for entry in entries {
            let entryHost = entry.host, entryPath = entry.path
            if anySubdomain {
                guard entryHost.hasSuffix(host) else { continue }
            } else {
                guard entryHost == host else { continue }
            }
            if !path.isEmpty && path != "/" {
                if path.hasSuffix("/") {
                    guard entryPath.hasPrefix(path) else { continue }
                } else {
                    guard entryPath == path else { continue }
                }
            }
            return Hit(host: entryHost)
        }
        return nil
    }
}
