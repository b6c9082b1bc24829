@testable import EmbedSite
import Testing

@Suite struct TemplateSafetyCheckTests {
    func problems(_ template: String) -> [String] {
        TemplateSafetyCheck.check(template, file: "t.mustache").map(\.message)
    }

    @Test func defaultTemplatesAreSafe() {
        for (path, text) in DefaultFiles.files where path.hasSuffix(".mustache") {
            #expect(problems(text).isEmpty, "\(path)")
        }
    }

    @Test(arguments: [
        "<p>{{page.title}}</p>",
        "<a title=\"{{page.title}}\" href=\"{{href}}\">{{title}}</a>",
        "<a href='{{page.url}}'>x</a>",
        "{{{content}}}",
        "{{#nav}}<li{{#current}} class=\"on\"{{/current}}>{{title}}</li>{{/nav}}",
        "<title>{{page.title}}</title>",
        "{{! a comment }}<p>ok</p>",
        "<img src=\"{{tenant.logo}}\" alt=\"{{tenant.name}}\">",
    ])
    func safePlacementsPass(template: String) {
        #expect(problems(template).isEmpty)
    }

    @Test(arguments: [
        ("{{{page.title}}}", "without escaping"),
        ("{{& page.title}}", "without escaping"),
        ("<a href=\"{{page.title}}\">x</a>", "URL attribute 'href'"),
        ("<a href=\"https://x.example/?q={{href}}\">x</a>", "whole value of 'href'"),
        ("<div onclick=\"{{page.title}}\"></div>", "'onclick' attribute"),
        ("<div style=\"color: {{page.title}}\"></div>", "'style' attribute"),
        ("<script>var t = \"{{page.title}}\";</script>", "inside <script>"),
        ("<style>h1 { color: {{tenant.name}} }</style>", "inside <style>"),
        ("<div class={{page.title}}></div>", "unquoted value"),
        ("<div {{page.title}}></div>", "inside a tag"),
        ("<!-- {{page.title}} -->", "HTML comment"),
        ("{{% CONTENT_TYPE: TEXT }}{{page.title}}", "pragmas"),
        ("{{=<% %>=}}<%page.title%>", "delimiters"),
        ("<p>{{content}}</p>", "escaped twice"),
        ("<iframe sandbox=\"{{page.title}}\"></iframe>", "only takes values the tool chooses"),
        ("<div title=\"{{{content}}}\"></div>", "may only stand where HTML text can"),
    ])
    func unsafePlacementsAreRefused(template: String, expected: String) {
        let found = problems(template)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test func problemsCarryTheirPosition() {
        let diagnostics = TemplateSafetyCheck.check("<p>\n  <a href=\"{{page.title}}\">", file: "templates/layouts/page.mustache")
        #expect(diagnostics.map(\.description) == [
            "templates/layouts/page.mustache:2:12: error: '{{page.title}}' in the URL attribute 'href': only URLs built by embedsmith (page.url, page.root, href, tenant.logo, tenant.home) may go there [template-unsafe]",
        ])
    }
}
