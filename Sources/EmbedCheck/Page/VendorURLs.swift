import EmbedCore

/// A parsed URL the page links to or frames, with where it is written.
public struct LinkedURL {
    public var element: PageElement
    public var attribute: PageAttribute
    public var url: WebURL
}

extension Page {
    /// URLs of links (`<a>`, `<area>`) and frames (`<iframe>`, `<frame>`) that parsed.
    public var linkedURLs: [LinkedURL] {
        var result: [LinkedURL] = []
        for element in elements where element.isHTML {
            let name: String
            switch element.name {
            case "a", "area": name = "href"
            case "iframe", "frame": name = "src"
            default: continue
            }
            if let attribute = element.attribute(name), let url = attribute.url?.url {
                result.append(LinkedURL(element: element, attribute: attribute, url: url))
            }
        }
        return result
    }
}

extension QueryParameter {
    /// A literal `+` in the raw value: a server reads it as a space, so `+33…` arrives as ` 33…`.
    var hasLiteralPlus: Bool { rawValue.contains("+") }
}
