import EmbedCore
import EmbedMarkdown

/// `toc: true`: links to the page's level-2 and level-3 headings (ids from the Markdown stage).
enum TableOfContents {
    static func html(_ headings: [Heading], french: Bool) -> TrustedHTML {
        let entries = headings.filter { $0.level == 2 || $0.level == 3 }
        guard !entries.isEmpty else { return .empty }
        var items = TrustedHTML.empty
        for heading in entries {
            let link = HTMLElement("a", [("href", .localPath("#" + heading.id))], children: TrustedHTML(text: heading.text)).html
            items.append(HTMLElement("li", [("class", .token("es-toc-\(heading.level)"))], children: link).html)
        }
        return HTMLElement("nav", [("class", .token("es-toc")), ("aria-label", .text(french ? "Sommaire" : "Contents"))],
                           children: HTMLElement("ol", [], children: items).html).html
    }
}
