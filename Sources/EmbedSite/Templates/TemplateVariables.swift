/// What each template variable holds, which decides where a template may place it.
enum TemplateVariableKind {
    /// Plain text: escaped; fine in text and ordinary quoted attributes.
    case text
    /// A URL or local path the tool built and validated: may start a URL attribute.
    case url
    /// Markup the tool produced: only `{{{name}}}` in text position.
    case trustedHTML
}

enum TemplateVariables {
    /// Keyed by the full name used in the tag (`page.title`) or a section-relative name (`href`).
    static let kinds: [String: TemplateVariableKind] = [
        "content": .trustedHTML,
        "head": .trustedHTML,
        "component": .trustedHTML,
        "toc": .trustedHTML,
        "bodyEnd": .trustedHTML,
        "page.url": .url,
        "page.root": .url,
        "tenant.logo": .url,
        "tenant.home": .url,
        "href": .url,
    ]

    static func kind(of name: String) -> TemplateVariableKind {
        kinds[name] ?? .text
    }
}
