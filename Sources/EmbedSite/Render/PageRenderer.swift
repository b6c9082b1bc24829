import EmbedConfig
import EmbedCore
import Foundation
import Mustache

/// Fills a layout with one page's values. Only escaped text, tool-built URLs and `TrustedHTML`
/// go into the context; `TemplateSafetyCheck` has already proved where each may appear.
enum PageRenderer {
    struct NavItem {
        var title: String
        var outputPath: String
    }

    static func render(page: ParsedPage, head: TrustedHTML, bodyEnd: TrustedHTML, tenant: TenantConfig,
                       navigation: [NavItem], logoPath: String?, templates: TemplateSet) -> Result<String, Diagnostic> {
        let path = page.source.outputPath
        let fr = tenant.locale == "fr"
        var tenantValues: [String: Any] = [
            "name": tenant.name,
            "locale": tenant.locale,
            "home": PagePaths.relative(from: path, to: "index.html"),
        ]
        if let logoPath { tenantValues["logo"] = PagePaths.relative(from: path, to: logoPath) }
        var pageValues: [String: Any] = [
            "title": page.meta.title,
            "url": PagePaths.relative(from: path, to: path),
            "root": PagePaths.rootPrefix(of: path).isEmpty ? "./" : PagePaths.rootPrefix(of: path),
        ]
        if let description = page.meta.description { pageValues["description"] = description }
        let nav: [[String: Any]] = navigation.map { item in
            ["title": item.title, "href": PagePaths.relative(from: path, to: item.outputPath), "current": item.outputPath == path]
        }
        var context: [String: Any] = [
            "page": pageValues,
            "tenant": tenantValues,
            "nav": nav,
            "strings": [
                "skip": fr ? "Aller au contenu" : "Skip to content",
                "navigation": fr ? "Pages" : "Pages",
            ],
            "head": head,
            "content": page.content,
            "bodyEnd": bodyEnd,
        ]
        if let component = page.component { context["component"] = component }
        if page.meta.raw.bool("toc") == true { context["toc"] = TableOfContents.html(page.headings, french: fr) }
        guard templates.layouts.contains(page.meta.layout) else {
            return .failure(.error("template-missing", "no template for layout '\(page.meta.layout)' (templates/layouts/\(page.meta.layout).mustache)",
                                   at: page.meta.raw.location(of: "layout")))
        }
        guard let html = templates.library.render(context, withTemplate: "layout-" + page.meta.layout) else {
            return .failure(.error("template-missing", "layout '\(page.meta.layout)' could not be rendered", at: page.meta.raw.location(of: "layout")))
        }
        return .success(html)
    }
}
