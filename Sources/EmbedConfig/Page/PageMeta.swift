import EmbedCore

/// A page's validated front matter.
public struct PageMeta: Sendable {
    public var title: String
    public var layout: String
    public var description: String?
    public var rawHTML: Bool
    /// nil: decided by the page's content (personal data → noindex).
    public var noindex: Bool?
    public var weight: Int
    public var raw: ConfigObject
}

public enum PageMetaLoader {
    /// `yaml` is the text between the fences; `firstLine` its first line in the page file.
    public static func load(yaml: String?, file: String, firstLine: Int) -> (PageMeta?, [Diagnostic]) {
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
        let object = validator.validateDocument(node, schema: PageSchema.frontMatter, what: "front matter", at: start)
        guard !validator.diagnostics.hasErrors else { return (nil, validator.diagnostics) }
        let meta = PageMeta(title: object.string("title") ?? "",
                            layout: object.string("layout") ?? "page",
                            description: object.string("description"),
                            rawHTML: object.bool("rawHTML") ?? false,
                            noindex: object.bool("noindex"),
                            weight: object.int("weight") ?? 0,
                            raw: object)
        return (meta, validator.diagnostics)
    }
}
