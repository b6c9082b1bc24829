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

    private static let englishStrings = TemplateScope(["skip": TemplateText("Skip to content"), "navigation": TemplateText("Pages")])
    private static let frenchStrings = TemplateScope(["skip": TemplateText("Aller au contenu"), "navigation": TemplateText("Pages")])

    static func render(page: ParsedPage, head: TrustedHTML, bodyEnd: TrustedHTML, tenant: TenantConfig,
                       navigation: [NavItem], logoPath: String?, templates: TemplateSet) -> Result<String, Diagnostic> {
        let path = page.source.outputPath
        let fr = tenant.locale == "fr"
        var tenantValues: [String: Any] = [
            "name": TemplateText(tenant.name),
            "locale": TemplateText(tenant.locale),
            "home": TemplateText(PagePaths.relative(from: path, to: "index.html")),
        ]
        if let logoPath { tenantValues["logo"] = TemplateText(PagePaths.relative(from: path, to: logoPath)) }
        let rootPrefix = PagePaths.rootPrefix(of: path)
        var pageValues: [String: Any] = [
            "title": TemplateText(page.meta.title),
            "url": TemplateText(PagePaths.relative(from: path, to: path)),
            "root": TemplateText(rootPrefix.isEmpty ? "./" : rootPrefix),
        ]
        if let description = page.meta.description { pageValues["description"] = TemplateText(description) }
        let nav: [TemplateScope] = navigation.map { item in
            TemplateScope(["title": TemplateText(item.title), "href": TemplateText(PagePaths.relative(from: path, to: item.outputPath)),
                           "current": item.outputPath == path])
        }
        var context: [String: Any] = [
            "page": TemplateScope(pageValues),
            "tenant": TemplateScope(tenantValues),
            "nav": nav,
            "strings": fr ? Self.frenchStrings : Self.englishStrings,
            "head": head,
            "content": page.content,
            "bodyEnd": bodyEnd,
        ]
        if let component = page.component { context["component"] = component }
        if page.meta.toc { context["toc"] = TableOfContents.html(page.headings, french: fr) }
        guard templates.layouts.contains(page.meta.layout) else {
            return .failure(.error(.templateMissing, "no template for layout '\(page.meta.layout)' (templates/layouts/\(page.meta.layout).mustache)",
                                   at: page.meta.raw.location(of: "layout")))
        }
        guard let html = templates.library.render(TemplateScope(context), withTemplate: "layout-" + page.meta.layout) else {
            return .failure(.error(.templateMissing, "layout '\(page.meta.layout)' could not be rendered", at: page.meta.raw.location(of: "layout")))
        }
        return .success(html)
    }
}
