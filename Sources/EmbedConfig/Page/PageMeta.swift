import EmbedCore

/// A page's validated front matter.
public struct PageMeta: Sendable {
    public var title: String
    public var layout: String
    public var description: String?
    public var rawHTML: Bool
    /// nil: decided by the page's content (personal data → noindex).
    public var noindex: Bool?
    /// Show a table of contents of the page's headings.
    public var toc: Bool
    public var weight: Int
    public var raw: ConfigObject
}

public enum PageMetaLoader {
    /// `yaml` is the text between the fences; `firstLine` its first line in the page file;
    /// `schema` the whole front matter (`PageSchema.frontMatter`, with the components' keys).
    public static func load(yaml: String?, file: String, firstLine: Int, schema: ObjectSchema) -> (PageMeta?, [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let yaml else {
            return (nil, [.error(.pageFrontMatterMissing, "page has no front matter; start the file with '---', a 'title:' line and '---'",
                                 at: start)])
        }
        let node: YAMLNode?
        switch YAMLLoader.load(text: yaml, file: file, firstLine: firstLine) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let n): node = n
        }
        var validator = SchemaValidator(file: file, lineOffset: firstLine - 1)
        let object = validator.validateDocument(node, schema: schema, what: "front matter", at: start)
        guard !validator.diagnostics.hasErrors else { return (nil, validator.diagnostics) }
        let meta = PageMeta(title: object[PageSchema.title] ?? "",
                            layout: object[PageSchema.layout([])] ?? PageSchema.plainLayout,   // the schema checked the name
                            description: object[PageSchema.description],
                            rawHTML: object.value(PageSchema.rawHTML) ?? false,
                            noindex: object[PageSchema.noindex],
                            toc: object.value(PageSchema.toc) ?? false,
                            weight: object.value(PageSchema.weight) ?? 0,
                            raw: object)
        return (meta, validator.diagnostics)
    }
}
