/// The contract of a page's YAML front matter. The site's own keys live here; the layouts and
/// the keys holding their components' options are declared by the components (EmbedVendors)
/// and injected by the component registry.
public enum PageSchema {
    /// The layout of a page without components.
    public static let plainLayout = "page"

    public static let title = ConfigKey<String>("title", .string(maxLength: 200, minLength: 1), required: true, doc: "page title")
    public static let description = ConfigKey<String>("description", .string(maxLength: 500), doc: "meta description")
    public static let rawHTML = ConfigKey<Bool>("rawHTML", .boolean, doc: "allow raw HTML inside the Markdown", default: false)
    /// No constant default: decided by the page's content.
    public static let noindex = ConfigKey<Bool>("noindex", .boolean, doc: "ask search engines not to index the page",
                                                defaultDoc: "true for agent pages and when the page shows phone numbers or e-mails")
    public static let toc = ConfigKey<Bool>("toc", .boolean, doc: "show a table of contents of the page's headings", default: false)
    public static let weight = ConfigKey<Int>("weight", .integer(min: -10_000, max: 10_000), doc: "order in the navigation (then by title)", default: 0)

    /// `layout`: `page` or a component layout.
    public static func layout(_ layouts: [String]) -> ConfigKey<String> {
        ConfigKey<String>("layout", .enumeration([plainLayout] + layouts), doc: "which layout renders the page", default: plainLayout)
    }

    /// `layouts`: the component layouts, after `page`; `componentFields`: their front-matter keys.
    public static func frontMatter(layouts: [String], componentFields: [FieldSchema]) -> ObjectSchema {
        ObjectSchema("front matter", doc: "YAML between --- lines at the top of a page",
                     [title.field, layout(layouts).field, description.field, rawHTML.field, noindex.field]
                     + componentFields + [toc.field, weight.field])
    }
}
