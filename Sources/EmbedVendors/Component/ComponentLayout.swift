import EmbedConfig

/// A page layout that renders one component above the page's Markdown, and the front-matter
/// key that configures it.
public struct ComponentLayout: Sendable {
    public enum FrontMatter: Sendable {
        /// A mapping of the component's options (`invitation: { reference: … }` on an `invite` page).
        case options(key: String, doc: String)
        /// A boolean that adds the component to a page of any layout (`webchat: true`).
        case flag(key: String, doc: String, default: String)
    }

    /// The layout's name (`invite`), also its template `layouts/<name>.mustache`.
    public var name: String
    public var frontMatter: FrontMatter

    public init(_ name: String, frontMatter: FrontMatter) {
        self.name = name
        self.frontMatter = frontMatter
    }

    public var frontMatterKey: String {
        switch frontMatter {
        case .options(let key, _), .flag(let key, _, _): return key
        }
    }
}
