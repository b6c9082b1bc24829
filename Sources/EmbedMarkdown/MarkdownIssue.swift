/// A problem found in a page's front matter or Markdown body.
///
/// Positions are 1-based and refer to the page FILE (the body's offset inside the file is
/// already applied). Columns are cmark's columns: byte offsets into the UTF-8 line.
public struct MarkdownIssue: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    /// Stable identifier, e.g. "frontmatter-unclosed", "markdown-raw-html".
    public var code: String
    public var message: String

    public init(line: Int, column: Int, code: String, message: String) {
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }
}
