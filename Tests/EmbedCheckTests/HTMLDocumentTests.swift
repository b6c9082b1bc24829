import EmbedCheck
import Foundation
import Testing

/// The libgumbo wrapper: what a browser's parser builds, copied into Swift values.
@Suite struct HTMLDocumentTests {
    @Test func buildsTheImpliedStructure() throws {
        let doc = HTMLDocument.parse("<title>T</title><p>Hello <b>world</b>")
        #expect(doc.root.kind == .document)
        let html = try #require(doc.root.children.first { $0.kind == .element })
        #expect(html.name == "html")
        #expect(html.children.map(\.name) == ["head", "body"])
        #expect(doc.elements(named: "title").first?.textContent == "T")
        let p = try #require(doc.elements(named: "P").first)
        #expect(p.textContent == "Hello world")
        #expect(p.children.map(\.kind) == [.text, .element])
        // Elements the parser inserted take the position of the token that caused them.
        #expect((html.line, html.column) == (1, 1))
        #expect(html.children.map(\.line) == [1, 1] && html.children.map(\.column) == [1, 17])
    }

    @Test func reportsOneBasedSourcePositions() throws {
        let source = "<!DOCTYPE html>\n<html>\n<body>\n  <p id=\"a\">x</p>\n\t<span>é<i>y</i></span>\n<!-- note -->\n</body>\n</html>\n"
        let doc = HTMLDocument.parse(source)
        let p = try #require(doc.elements(named: "p").first)
        #expect((p.line, p.column) == (4, 3))
        let text = try #require(p.children.first)
        #expect(text.kind == .text && text.text == "x")
        #expect((text.line, text.column) == (4, 13))
        // A tab is one column; columns count characters, not bytes.
        let span = try #require(doc.elements(named: "span").first)
        #expect((span.line, span.column) == (5, 2))
        let i = try #require(doc.elements(named: "i").first)
        #expect((i.line, i.column) == (5, 9))
        let body = try #require(doc.elements(named: "body").first)
        let comment = try #require(body.children.first { $0.kind == .comment })
        #expect(comment.text == " note ")
        #expect((comment.line, comment.column) == (6, 1))
    }

    @Test func decodesCharacterReferencesInAttributesAndText() throws {
        let doc = HTMLDocument.parse(#"<a HREF="?a=1&amp;b=2&lt;&#x3C;&#60;&quot;&apos;&notin;&copy" Title='x &amp y' data-x=&#106;avascript:>A &amp; B &lt;c&gt; &#128512;</a>"#)
        let a = try #require(doc.elements(named: "a").first)
        #expect(a.attributes.map(\.name) == ["href", "title", "data-x"])
        #expect(a.attribute("href") == "?a=1&b=2<<<\"'∉©")
        #expect(a.attribute("HREF") == a.attribute("href"))
        #expect(a.attribute("title") == "x & y")
        #expect(a.attribute("data-x") == "javascript:")
        #expect(a.attribute("missing") == nil)
        #expect(a.textContent == "A & B <c> 😀")
    }

    @Test func keepsAttributesInSourceOrderAndDropsDuplicates() throws {
        let doc = HTMLDocument.parse(#"<div z=1 a=2 m=3 a=4 onclick="go()"></div>"#)
        let div = try #require(doc.elements(named: "div").first)
        #expect(div.attributes.map(\.name) == ["z", "a", "m", "onclick"])
        #expect(div.attribute("a") == "2")
    }

    @Test func namesUnknownAndCustomElementsFromTheSource() throws {
        let doc = HTMLDocument.parse("<dialog open><search><My-Widget x=1>w</My-Widget></search></dialog><svg><animate onbegin=x /><foreignObject></foreignObject></svg>")
        let names = doc.descendants().filter { $0.kind == .element }.map(\.name)
        #expect(names.contains("dialog"))
        #expect(names.contains("search"))
        #expect(names.contains("my-widget"))
        #expect(names.contains("animate"))
        #expect(names.contains("svg"))
        #expect(!names.contains(""))
        #expect(doc.elements(named: "animate").first?.attribute("onbegin") == "x")
        #expect(doc.elements(named: "my-widget").first?.textContent == "w")
    }

    @Test func namespacedForeignAttributesKeepTheirPrefix() throws {
        let doc = HTMLDocument.parse(#"<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#)
        let a = try #require(doc.elements(named: "a").first)
        #expect(a.attribute("xlink:href") == "javascript:alert(1)")
    }

    @Test func preservesScriptTextExactly() throws {
        let body = "\n  if (a < b && c > d) { x = \"</p>&amp;<!-- -->\"; }\n  var s = '<scr' + 'ipt>';\n"
        let doc = HTMLDocument.parse("<head><script type=\"application/json\">\(body)</script><script>1</script></head>")
        let scripts = doc.elements(named: "script")
        #expect(scripts.count == 2)
        #expect(scripts.first?.textContent == body)
        #expect(scripts.first?.children.count == 1)
        #expect(scripts.last?.textContent == "1")
        // Other raw-text and RCDATA elements.
        let doc2 = HTMLDocument.parse("<style>a > b { content: \"&amp;\" }</style><title>a &amp; <b></title><textarea>&lt;x&gt;</textarea>")
        #expect(doc2.elements(named: "style").first?.textContent == "a > b { content: \"&amp;\" }")
        #expect(doc2.elements(named: "title").first?.textContent == "a & <b>")
        #expect(doc2.elements(named: "textarea").first?.textContent == "<x>")
    }

    @Test func normalisesNewlinesAndNULAsABrowserDoes() throws {
        let doc = HTMLDocument.parse("<p title=\"a\r\nb\rc\u{0}\">x\r\ny\rz</p>")
        let p = try #require(doc.elements(named: "p").first)
        #expect(p.attribute("title") == "a\nb\nc\u{FFFD}")
        #expect(p.textContent == "x\ny\nz")
    }

    @Test func includesTemplateContents() throws {
        let doc = HTMLDocument.parse("<template id=t><img src=x onerror=alert(1)><p>in</p></template>")
        let template = try #require(doc.elements(named: "template").first)
        #expect(template.kind == .element)
        #expect(template.children.map(\.name) == ["img", "p"])
        #expect(doc.elements(named: "img").first?.attribute("onerror") == "alert(1)")
        #expect(template.textContent == "in")
    }

    @Test func descendantsArePreOrderElementsAndText() {
        let doc = HTMLDocument.parse("<body><div>a<!--c--><span>b</span></div>d</body>")
        let summary = doc.descendants().map { $0.kind == .text ? "#" + $0.text : $0.name }
        #expect(summary == ["html", "head", "body", "div", "#a", "span", "#b", "#d"])
        #expect(doc.root.textContent == "abd")
    }

    @Test func survivesHostileAndEmptyInput() {
        for input in ["", "\u{0}", "<", "</", "<!", "<!--", "<![CDATA[", "&", "&#", "&#x110000;", "&#0;", "<a <b c=\"",
                      "<table><tr><td><table></caption></tbody>x<template></table>", "<svg><math><mi><svg><desc><template>",
                      "<frameset><frameset></frameset><noframes>", String(repeating: "<b><i><a><p>", count: 500),
                      String(repeating: "</div>", count: 1000), String(repeating: "<table>", count: 2000)] {
            let doc = HTMLDocument.parse(input)
            #expect(doc.root.kind == .document)
            #expect(doc.elements(named: "html").count == 1, "\(input.prefix(40))")
        }
    }

    /// gumbo's own tree destructor recurses once per level, and so would releasing nested
    /// Swift objects; both are defused. (gumbo's parser is quadratic in depth: this takes
    /// several seconds, the price of proving the depth the brief asks for.)
    @Test func deeplyNestedInputDoesNotOverflowTheStack() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        let doc = HTMLDocument.parse(html)
        var node = try #require(doc.elements(named: "body").first)
        var levels = 0
        while let child = node.children.first(where: { $0.kind == .element }) {
            node = child
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.textContent == "deep")
        #expect(doc.root.textContent == "deep")
        #expect(doc.elements(named: "div").count == depth)
    }

    @Test func aSubtreeOutlivesItsDocument() throws {
        var kept: HTMLNode?
        do {
            let doc = HTMLDocument.parse(String(repeating: "<section>", count: 3000) + "<p id=x>kept</p>")
            kept = doc.elements(named: "p").first
        }
        let p = try #require(kept)
        #expect(p.attribute("id") == "x")
        #expect(p.textContent == "kept")
    }
}
