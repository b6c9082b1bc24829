import EmbedCore

/// A parsed HTML page reduced to what the rules need, in document order. It holds no parser
/// memory, and is built and dropped one file at a time.
public struct Page: Sendable {
    /// The elements rules can see (see `PageElement`), in document order.
    public let elements: [PageElement]
    /// The `embedsmith-disable-next-element` comments of the page.
    let suppressions: [Suppression]
    private let indexByName: [String: [Int]]

    /// The page's own URL when it says so (`<link rel="canonical">`), else a stand-in
    /// (`https://page.embedsmith.invalid/`) that only relative URLs share.
    public let pageURL: WebURL
    /// What relative URLs resolve against: `<base href>` if any, else `pageURL`.
    public let baseURL: WebURL
    /// True when `pageURL` came from the page itself.
    public let knowsItsURL: Bool

    static let standIn: WebURL = {
        do { return try WebURL.parse("https://page.embedsmith.invalid/") } catch { preconditionFailure("stand-in URL must parse") }
    }()

    init(elements: [PageElement], suppressions: [Suppression]) {
        var elements = elements
        var index: [String: [Int]] = [:]
        for (i, element) in elements.enumerated() { index[element.name, default: []].append(i) }
        var pageURL = Page.standIn
        var knows = false
        for i in index["link"] ?? [] {
            let link = elements[i]
            guard link.isHTML, Page.relTokens(link).contains("canonical"), let href = link.value("href"),
                  let url = try? WebURL.parse(href.trimmingHTMLSpace), url.scheme == "https" || url.scheme == "http" else { continue }
            pageURL = url
            knows = true
            break
        }
        var baseURL = pageURL
        if let i = (index["base"] ?? []).first(where: { elements[$0].isHTML && elements[$0].has("href") }),
           let href = elements[i].value("href"), let url = try? WebURL.parse(href.trimmingHTMLSpace, base: pageURL) {
            baseURL = url
        }
        // Resolve every URL-valued attribute once; rules share the result.
        for i in elements.indices {
            let names = URLAttributes.names(for: elements[i])
            guard !names.isEmpty else { continue }
            for a in elements[i].attributes.indices where names.contains(elements[i].attributes[a].name) {
                elements[i].attributes[a].url = ResolvedURL(elements[i].attributes[a].value, base: baseURL)
            }
        }
        self.elements = elements
        self.indexByName = index
        self.suppressions = suppressions
        self.pageURL = pageURL
        self.baseURL = baseURL
        self.knowsItsURL = knows
    }

    /// Elements with this tag name, in document order (HTML and foreign elements alike).
    public func elements(named name: String) -> [PageElement] {
        (indexByName[name] ?? []).map { elements[$0] }
    }

    /// The `<html>` element (always present: the parser implies it); document-level findings go there.
    public var documentElement: PageElement {
        if let i = indexByName["html"]?.first { return elements[i] }
        return elements.first ?? PageElement(order: 0, name: "html", namespace: .html, attributes: [],
                                             position: Position(line: 1, column: 1), inHead: false, text: "", silenced: [])
    }

    /// The serialized origin of the page (`https://support.acme.example`, or the stand-in's).
    public var origin: String { pageURL.origin }

    /// `rel` tokens, ASCII-lowercased.
    static func relTokens(_ element: PageElement) -> [String] {
        (element.value("rel") ?? "").asciiLowercased.splitOnHTMLSpace.map(String.init)
    }
}
