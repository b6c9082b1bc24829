import EmbedCore
import EmbedMarkdown
import EmbedVendors

/// Refuses Markdown links that would log an agent in for whoever clicks them (Engage public
/// links, host co-browsing links): bearer credentials must never be published.
enum AgentLinkScan {
    static func problems(in links: [MarkdownLink], file: String, columns: inout ByteColumn) -> [Diagnostic] {
        links.compactMap { link in
            guard let url = try? WebURL.parse(link.url), let reason = AgentLoginLinks.reason(for: url) else { return nil }
            let column = columns.scalarColumn(line: link.line, byteColumn: link.column) ?? link.column
            return .error(.engageAgentLink, "this link is refused: \(reason)", at: SourceLocation(file: file, line: link.line, column: column),
                          hint: "give agents such links from your backend at run time, never in a page")
        }
    }
}
