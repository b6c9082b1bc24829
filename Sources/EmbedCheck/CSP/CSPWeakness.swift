/// One way the enforced Content-Security-Policies of a page fail to stop injected script, in
/// the categories of Google's CSP Evaluator (github.com/google/csp-evaluator,
/// `checks/security_checks.ts`): the raw values are the evaluator's HIGH finding kinds, plus
/// `unsafe-eval` (the evaluator's MEDIUM_MAYBE, an error here).
struct CSPWeakness: Equatable {
    enum Category: String, CaseIterable, Sendable {
        case unsafeInlineScript = "unsafe-inline-script"
        case missingScriptSrc = "missing-script-src"
        case missingObjectSrc = "missing-object-src"
        case missingBaseURI = "missing-base-uri"
        case schemeScript = "scheme-script"
        case wildcardScript = "wildcard-script"
        case schemeObject = "scheme-object"
        case wildcardObject = "wildcard-object"
        case schemeBaseURI = "scheme-base-uri"
        case wildcardBaseURI = "wildcard-base-uri"
        case allowlistBypass = "allowlist-bypass"
        case flashBypass = "flash-bypass"
        case unsafeEval = "unsafe-eval"

        /// The rule that reports it.
        var rule: String {
            switch self {
            case .unsafeInlineScript: "csp-unsafe-inline"
            case .missingScriptSrc, .missingObjectSrc, .missingBaseURI: "csp-missing-directive"
            case .schemeScript, .wildcardScript, .schemeObject, .wildcardObject, .schemeBaseURI, .wildcardBaseURI: "csp-broad-source"
            case .allowlistBypass, .flashBypass: "csp-allowlist-bypass"
            case .unsafeEval: "csp-unsafe-eval"
            }
        }

        /// What a weakness lets through; a second policy that restricts the same thing without
        /// a weakness of the same group blocks it (a browser enforces every policy).
        var group: Group {
            switch self {
            case .unsafeInlineScript: .inlineScript
            case .schemeScript, .wildcardScript, .allowlistBypass: .scriptURL
            case .unsafeEval: .eval
            case .schemeObject, .wildcardObject, .flashBypass: .object
            case .schemeBaseURI, .wildcardBaseURI: .base
            case .missingScriptSrc, .missingObjectSrc, .missingBaseURI: .missing
            }
        }
    }

    enum Group { case inlineScript, scriptURL, eval, object, base, missing }

    var category: Category
    /// Index of the policy it is in, among those analysed (the first policy for missing directives).
    var policy: Int
    /// The directive that holds the source (`default-src` when the policy falls back to it);
    /// nil for a missing directive.
    var directive: String?
    /// The source expression as written, when the weakness is one.
    var source: String?
    /// The bypass list entry's host and what it serves (for allowlist and Flash bypasses).
    var bypass: (host: String, serves: String)? = nil

    static func == (a: CSPWeakness, b: CSPWeakness) -> Bool {
        (a.category, a.policy, a.directive, a.source, a.bypass?.host) == (b.category, b.policy, b.directive, b.source, b.bypass?.host)
    }
}
