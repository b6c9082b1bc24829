/// The Content-Security-Policy `<meta>` elements of a page and the policies they deliver.
struct PageCSP {
    /// An `http-equiv="Content-Security-Policy"` meta element that a browser applies
    /// (in `<head>`, with a `content`), and its parsed policy.
    struct Meta {
        var element: PageElement
        var policy: CSPPolicy
    }

    /// Every `http-equiv="Content-Security-Policy"` meta element, applied or not.
    let all: [Meta]
    /// Those a browser applies: in `<head>`, with a `content` attribute.
    let metas: [Meta]

    init(metaElements: [PageElement]) {
        all = metaElements.compactMap { element in
            guard element.isHTML, PageCSP.isCSPMeta(element) else { return nil }
            return Meta(element: element, policy: CSPPolicy.parsed(element.value("content") ?? ""))
        }
        metas = all.filter { $0.element.inHead && $0.element.has("content") }
    }

    static func isCSPMeta(_ element: PageElement) -> Bool {
        element.value("http-equiv")?.trimmingHTMLSpace.asciiLowercased == "content-security-policy"
    }

    /// Inline `<script>` elements that run (classic or module scripts, import maps,
    /// speculation rules), not data blocks such as `type="application/json"`.
    static func isExecutable(_ script: PageElement) -> Bool {
        guard let type = script.value("type")?.trimmingHTMLSpace.asciiLowercased, !type.isEmpty else { return true }
        return javaScriptTypes.contains(type) || ["module", "importmap", "speculationrules"].contains(type)
    }

    static let javaScriptTypes: Set<String> = [
        "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
        "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
        "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
        "text/x-ecmascript", "text/x-javascript",
    ]
}

extension PageCSP.Meta {
    /// Where `token` is written inside `directive` of the `content` attribute (the first
    /// occurrence after the directive's name), else where the directive is, else the attribute.
    func position(of token: String?, in directive: String?) -> Position {
        guard let content = element.attribute("content") else { return element.position }
        let lower = content.value.asciiLowercased          // same UTF-8 offsets: ASCII folding only
        var target = lower.startIndex
        if let directive {
            guard let range = PageCSP.directiveRange(directive, in: lower) else { return content.position }
            target = range.lowerBound
        }
        if let token, let range = lower.range(of: token.asciiLowercased, range: target..<lower.endIndex) { target = range.lowerBound }
        return content.position(ofValueOffset: lower.utf8.distance(from: lower.utf8.startIndex, to: target))
    }
}

extension PageCSP {
    /// The range of a directive's name where it starts a directive (after `;` or at the start).
    static func directiveRange(_ name: String, in lowercasedPolicy: String, from start: String.Index? = nil) -> Range<String.Index>? {
        var search = (start ?? lowercasedPolicy.startIndex)..<lowercasedPolicy.endIndex
        while let range = lowercasedPolicy.range(of: name, range: search) {
            let before = lowercasedPolicy[..<range.lowerBound].last { !$0.isWhitespace }
            let after = lowercasedPolicy[range.upperBound...].first
            if (before == nil || before == ";") && (after == nil || after == ";" || after!.isWhitespace) { return range }
            search = range.upperBound..<lowercasedPolicy.endIndex
        }
        return nil
    }
}
