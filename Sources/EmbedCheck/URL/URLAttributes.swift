/// Which attributes hold one URL, per element (HTML and SVG).
enum URLAttributes {
    static let html: [String: Set<String>] = [
        "a": ["href"], "area": ["href"], "link": ["href"], "base": ["href"],
        "script": ["src"], "img": ["src"], "iframe": ["src"], "frame": ["src"], "embed": ["src"],
        "source": ["src"], "video": ["src", "poster"], "audio": ["src"], "track": ["src"],
        "input": ["src", "formaction"], "button": ["formaction"], "form": ["action"], "object": ["data"],
        "blockquote": ["cite"], "q": ["cite"], "del": ["cite"], "ins": ["cite"],
    ]
    static let svg: [String: Set<String>] = [
        "a": ["href", "xlink:href"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
        "script": ["href", "xlink:href"], "feimage": ["href", "xlink:href"],
    ]

    static func names(for name: String, namespace: PageElement.Namespace) -> Set<String> {
        switch namespace {
        case .html: return html[name] ?? []
        case .svg: return svg[name] ?? []
        case .mathml: return ["href"]
        }
    }

    /// The URL attributes of an element that navigate or load a document: links and frames.
    static let navigating: [String: Set<String>] = [
        "a": ["href", "xlink:href"], "area": ["href"], "iframe": ["src"], "frame": ["src"], "embed": ["src"],
        "object": ["data"], "form": ["action"], "button": ["formaction"], "input": ["formaction"], "base": ["href"],
    ]
}
