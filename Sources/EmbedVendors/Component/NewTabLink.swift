import EmbedCore

/// `<a target="_blank" rel="noopener noreferrer">` with a screen-reader note that it opens a new tab.
enum NewTabLink {
    static func html(url: SafeURL, label: String, className: String, context: ComponentContext) -> TrustedHTML {
        let note = HTMLElement("span", [("class", .token("es-visually-hidden"))],
                               children: TrustedHTML(text: context.text(" (opens in a new tab)", french: " (s’ouvre dans un nouvel onglet)"))).html
        return HTMLElement("a", [
            ("class", .token(className)),
            ("href", .url(url)),
            ("target", .token("_blank")),
            ("rel", .token("noopener noreferrer")),
        ], children: TrustedHTML(text: label) + note).html
    }
}
