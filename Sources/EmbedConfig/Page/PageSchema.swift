/// The contract of a page's YAML front matter. The site's own keys live here; the layouts and
/// the keys holding their components' options are declared by the components (EmbedVendors)
/// and injected by the component registry.
public enum PageSchema {
    /// The layout of a page without components.
    public static let plainLayout = "page"

    /// `layouts`: the component layouts, after `page`; `componentFields`: their front-matter keys.
    public static func frontMatter(layouts: [String], componentFields: [FieldSchema]) -> ObjectSchema {
        ObjectSchema("front matter", doc: "YAML between --- lines at the top of a page", [
            FieldSchema("title", .string(maxLength: 200, minLength: 1), required: true, doc: "page title"),
            FieldSchema("layout", .enumeration([plainLayout] + layouts), doc: "which layout renders the page", default: plainLayout),
            FieldSchema("description", .string(maxLength: 500), doc: "meta description"),
            FieldSchema("rawHTML", .boolean, doc: "allow raw HTML inside the Markdown", default: "false"),
            FieldSchema("noindex", .boolean, doc: "ask search engines not to index the page", default: "true for agent pages and when the page shows phone numbers or e-mails"),
        ] + componentFields + [
            FieldSchema("toc", .boolean, doc: "show a table of contents of the page's headings", default: "false"),
            FieldSchema("weight", .integer(min: -10_000, max: 10_000), doc: "order in the navigation (then by title)", default: "0"),
        ])
    }
}
