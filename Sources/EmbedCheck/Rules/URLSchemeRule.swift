import EmbedCore

/// No `javascript:`, `vbscript:` or `data:` URL in a link, a frame or a form, read as a
/// browser reads it: spaces and controls before the scheme dropped, tabs and newlines removed
/// anywhere, character references decoded (`java&#x09;script&colon;` is `javascript:`).
public struct URLSchemeRule: CheckRule {
    public let id = "url-scheme"
    public let summary = "no javascript:, vbscript: or data: URLs in links, frames and forms, as a browser parses them"
    public let defaultSeverity: Severity = .error
    public init() {}

    static let dangerous: Set<String> = ["javascript", "vbscript", "data"]

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for element in Self.candidates(page) {
            let names: Set<String>
            if element.namespace == .svg && element.name == "a" {
                names = ["href", "xlink:href"]
            } else if element.isHTML, let html = URLAttributes.navigating[element.name] {
                names = html
            } else if element.isHTML, element.name == "meta", let refresh = Self.refreshURL(element) {
                report(refresh, attribute: element.attribute("content"), element: element, &out)
                continue
            } else {
                continue
            }
            for attribute in element.attributes where names.contains(attribute.name) {
                report(attribute.value, attribute: attribute, element: element, &out)
            }
        }
    }

    /// Elements that can carry a navigating URL, in document order.
    static func candidates(_ page: Page) -> [PageElement] {
        var result: [PageElement] = []
        for name in URLAttributes.navigating.keys.sorted() + ["meta"] { result += page.elements(named: name) }
        return result.sorted { $0.order < $1.order }
    }

    private func report(_ value: String, attribute: PageAttribute?, element: PageElement, _ out: inout RuleOutput) {
        guard let scheme = attribute?.url?.scheme ?? ResolvedURL.classify(value).scheme, Self.dangerous.contains(scheme) else { return }
        if scheme == "data", element.name == "a", element.has("download") { return }
        let trimmed = value.drop { $0.unicodeScalars.allSatisfy { $0.value <= 0x20 } }
        let written = trimmed.firstIndex(of: ":").map { trimmed[...$0] } ?? trimmed
        let disguised = written != Substring(scheme + ":")
        out.error(Message.scheme(scheme, element.name, attribute?.name ?? "", disguised ? Self.visible(written) : nil),
                  on: element, at: attribute?.position, hint: Message.hint(scheme))
    }

    /// Control characters shown as escapes, so a message shows what hides in the text.
    static func visible(_ text: Substring) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The URL of `<meta http-equiv="refresh" content="0; url=…">`.
    static func refreshURL(_ element: PageElement) -> String? {
        guard element.value("http-equiv")?.trimmingHTMLSpace.asciiLowercased == "refresh",
              let content = element.value("content"), let semicolon = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: semicolon)...].drop { String.isHTMLSpace($0) }
        if rest.asciiLowercased.hasPrefix("url") {
            rest = rest.dropFirst(3).drop { String.isHTMLSpace($0) }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { String.isHTMLSpace($0) }
        }
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            if let end = rest.firstIndex(of: quote) { rest = rest[..<end] }
        }
        return String(rest)
    }
}

private enum Message {
    static func scheme(_ scheme: String, _ element: String, _ attribute: String, _ disguised: String?) -> String {
        let place = attribute.isEmpty ? "<\(element)>" : "<\(element) \(attribute)>"
        let what: String
        switch scheme {
        case "data": what = "a data: URL runs content with no origin the page controls"
        default: what = "a \(scheme): URL runs script when followed"
        }
        return "\(place) is a \(scheme): URL\(disguised.map { " (written '\($0.clipped(30))', which a browser reads as '\(scheme):')" } ?? ""): \(what)"
    }
    static func hint(_ scheme: String) -> String {
        scheme == "data" ? "link to an https URL (or add download to a data: link meant as a file)" : "use an https link, and attach behaviour with addEventListener() from a script file"
    }
}
