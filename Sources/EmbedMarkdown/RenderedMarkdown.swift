/// One piece of a rendered page body, in document order.
public enum MarkdownPiece: Sendable, Equatable {
    /// HTML produced by cmark (safe mode unless raw HTML is allowed).
    case html(String)
    /// A component placeholder the caller renders later.
    case embed(EmbedBlock)
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    /// Plain text of the heading (text and code spans, no markup).
    public var text: String
    /// The `id` attribute written on the heading element; unique within the page.
    public var id: String
    /// 1-based file line.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

public struct RenderedMarkdown: Sendable, Equatable {
    /// Consecutive HTML is merged, so two `.html` pieces are never adjacent.
    public var pieces: [MarkdownPiece]
    public var headings: [Heading]
    /// Empty when the page is fine.
    public var issues: [MarkdownIssue]
    /// Every link and image destination as written, with its file position (for URL rules).
    public var links: [MarkdownLink]

    public init(pieces: [MarkdownPiece], headings: [Heading], issues: [MarkdownIssue], links: [MarkdownLink] = []) {
        self.pieces = pieces
        self.headings = headings
        self.issues = issues
        self.links = links
    }
}

/// A link or image destination in the Markdown source.
public struct MarkdownLink: Sendable, Equatable {
    public var url: String
    public var line: Int
    /// Byte column, as cmark reports it.
    public var column: Int

    public init(url: String, line: Int, column: Int) {
        self.url = url
        self.line = line
        self.column = column
    }
}
