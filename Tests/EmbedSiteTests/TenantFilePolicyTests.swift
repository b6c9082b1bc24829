@testable import EmbedSite
import Foundation
import Testing

// What a tenant may publish besides its pages. The refusals are in the invalid-input corpus
// (asset-script-capable--*); these show what must still pass, and the `_headers` assets rule.
@Suite struct TenantFilePolicyTests {
    static func svgProblem(_ text: String) -> SVGScriptScan.Problem? { SVGScriptScan.firstProblem(in: Array(text.utf8)) }

    @Test func ordinarySVGLogosPass() {
        let inkscape = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- Created with Inkscape (http://www.inkscape.org/) -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                 xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="64" height="64" opacity="0.9">
              <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><dc:format>image/svg+xml</dc:format></rdf:RDF></metadata>
              <style><![CDATA[ .a { fill: #0b5fff; } /* <script> in a comment of CSS */ ]]></style>
              <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
              <a href="https://acme.example/?a=1&amp;b=2"><use xlink:href="#r" orient="auto"/></a>
              <rect id="r" class="a" width="64" height="64" inkscape:label="Layer 1"/>
              <text x="1" y="9">Scripts &amp; more &#x3C;3</text>
            </svg>
            """
        #expect(Self.svgProblem(inkscape) == nil)
        #expect(Self.svgProblem(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32"/></svg>"#) == nil)
    }

    @Test func scriptHiddenByCaseOrReferencesIsFound() {
        #expect(Self.svgProblem("<svg><SCRIPT>x</SCRIPT></svg>")?.reason == "a <SCRIPT> element")
        #expect(Self.svgProblem("<svg><a xlink:href=' &#106;avascript:x'/></svg>")?.reason == "a javascript: or vbscript: URL in 'xlink:href'")
        #expect(Self.svgProblem("<svg><animate attributeName='href' values='#a;&#x76;bscript:x'/></svg>") != nil)
        #expect(Self.svgProblem("<svg ONclick=\"x\"/>")?.offset == 5)
        #expect(Self.svgProblem("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg/>") != nil)
        #expect(Self.svgProblem("<svg><rect title=\"unterminated/></svg>") != nil)
        #expect(Self.svgProblem("<svg><!-- <script> never closed") != nil)
    }

    @Test func headersFileCoversAssetsWithASandboxAndNoDuplicateHeaders() {
        let text = HeadersFile.render(basePath: "/help/", frameAncestors: ["'none'"], entries: [])
        #expect(text.contains("\n/help/assets/*\n  Content-Security-Policy: sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'\n"))
        // nosniff comes from the catch-all rule only: a second rule would make it "nosniff, nosniff".
        #expect(text.components(separatedBy: "X-Content-Type-Options").count == 2)
    }

    @Test func pagesWhosePathStartsWithAssetsAreRefused() {
        let page = { (path: String) in PageSource(relativePath: path, folder: "/x", displayFolder: "content/t") }
        let found = TenantFilePolicy.problems(pages: [page("assets.md"), page("assetsy/a.md"), page("help/assets.md"), page("index.md")],
                                              assets: [], displayFolder: "content/t", svgBytes: { _, _ in nil })
        #expect(found.map { $0.location?.file } == ["content/t/assets.md", "content/t/assetsy/a.md"])
    }
}
