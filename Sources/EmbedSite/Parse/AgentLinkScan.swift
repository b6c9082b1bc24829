import EmbedCore
import EmbedMarkdown
import EmbedVendors

/// Refuses Markdown links that would log an agent in for whoever clicks them (Engage public
/// links, host co-browsing links): bearer credentials must never be published.
enum AgentLinkScan {
    static func problems(in links: [MarkdownLink], file: String, lines: [Substring]) -> [Diagnostic] {
        links.compactMap { link in
            guard let url = try? WebURL.parse(link.url), let reason = AgentLoginLinks.reason(for: url) else { return nil }
            var column = link.column
            if link.line >= 1, link.line <= lines.count {
                column = String(decoding: Array(lines[link.line - 1].utf8.prefix(max(0, link.column - 1))), as: UTF8.self).unicodeScalars.count + 1
            }
            return .error("engage-agent-link", "this link is refused: \(reason)", at: SourceLocation(file: file, line: link.line, column: column),
                          hint: "give agents such links from your backend at run time, never in a page")
        }
    }
}
