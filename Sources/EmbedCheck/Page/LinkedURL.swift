import EmbedCore

/// A parsed URL the page links to or frames, with where it is written.
public struct LinkedURL {
    public var element: PageElement
    public var attribute: PageAttribute
    public var url: WebURL
}

extension Page {
    /// URLs of links (`<a>`, `<area>`) and frames (`<iframe>`, `<frame>`) that parsed. Plain
    /// relative paths are left out: they point to this site, never to a vendor.
    static func collectLinkedURLs(_ elements: [PageElement]) -> [LinkedURL] {
        var result: [LinkedURL] = []
        for element in elements where element.isHTML {
            let name: String
            switch element.name {
            case "a", "area": name = "href"
            case "iframe", "frame": name = "src"
            default: continue
            }
            if let attribute = element.attribute(name), let resolved = attribute.url, !resolved.isPathOnly, let url = resolved.url {
                result.append(LinkedURL(element: element, attribute: attribute, url: url))
            }
        }
        return result
    }
}
