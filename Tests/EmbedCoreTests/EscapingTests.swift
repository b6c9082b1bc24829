@testable import EmbedCore
import Foundation
import Testing

@Suite struct EscapingTests {
    @Test func htmlEscapingCoversTextAndDoubleQuotedAttributes() {
        #expect(HTMLEscaping.escape("a<b>&\"c'\u{0}") == "a&lt;b&gt;&amp;&quot;c'\u{FFFD}")
        #expect(HTMLEscaping.escape("plain text é") == "plain text é")
    }

    @Test func templateEscapingAlsoCoversSingleQuotedAttributes() {
        #expect(HTMLEscaping.escapeForTemplate("a<b>&\"c'\u{0}") == "a&lt;b&gt;&amp;&quot;c&#39;\u{FFFD}")
        #expect(HTMLEscaping.escapeForTemplate("l'été") == "l&#39;été")
    }

    /// `"` + U+0301 is one Character: escaping by Character would miss the quote.
    @Test func aCombiningMarkCannotHideACharacterFromEscaping() {
        for (special, entity) in [("\"", "&quot;"), ("'", "&#39;"), ("<", "&lt;"), (">", "&gt;"), ("&", "&amp;")] {
            #expect(HTMLEscaping.escapeForTemplate("x" + special + "\u{301}y") == "x" + entity + "\u{301}y")
        }
        #expect(HTMLEscaping.escape("\"\u{301}") == "&quot;\u{301}")
    }

    @Test func elementsEscapeAttributeValues() {
        let html = HTMLElement("a", [("title", .text("\"><script>")), ("target", .token("_blank")), ("hidden", .present)],
                               children: TrustedHTML(text: "<b>")).html.markup
        #expect(html == "<a title=\"&quot;&gt;&lt;script&gt;\" target=\"_blank\" hidden>&lt;b&gt;</a>")
        #expect(HTMLElement("meta", [("charset", .token("utf-8"))]).html.markup == "<meta charset=\"utf-8\">")
    }

    @Test func scriptJSONCannotCloseTheScriptElement() {
        let json = ScriptJSON.encode(["b": "</script><!--\u{2028}\u{2029}&\n\"\\", "a": [1, true, .null]])
        #expect(json == #"{"a":[1,true,null],"b":"\u003c/script\u003e\u003c!--\u2028\u2029\u0026\n\"\\"}"#)
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["b"] as? String == "</script><!--\u{2028}\u{2029}&\n\"\\")
    }

    @Test func queryComponentsEncodeEverythingButUnreserved() {
        #expect(QueryEncoding.encodeComponent("+33 6/ü&=~._-") == "%2B33%206%2F%C3%BC%26%3D~._-")
        #expect(QueryEncoding.decodeComponent("%2B33+6%2F%C3%BC") == "+33 6/ü")
    }

    @Test func hashesMatchKnownVectors() {
        #expect(ContentHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // The CSP hash of an inline script body is base64 of its SHA-256.
        #expect(ContentHash.cspSource(forInline: "alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
        #expect(ContentHash.subresourceIntegrity(Data("abc".utf8)).hasPrefix("sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP"))
    }
}

@Suite struct URLPolicyTests {
    let policy = URLPolicy(allowedHosts: ["apirtc.github.io"])

    @Test func acceptsAndNormalizesAllowedHTTPS() throws {
        #expect(try policy.validate("HTTPS://APIRTC.github.io/web-agent/?aK=x").string == "https://apirtc.github.io/web-agent/?aK=x")
    }

    @Test(arguments: [
        ("http://apirtc.github.io/", "url-not-https"),
        ("javascript:alert(1)", "url-not-https"),
        ("data:text/html,<script>", "url-not-https"),
        ("https://u:p@apirtc.github.io/", "url-credentials"),
        ("https://evil.example\\@apirtc.github.io/", "url-host-not-allowed"),
        ("https://apirtc.github.io.evil.example/", "url-host-not-allowed"),
        ("java\tscript:alert(1)", "url-control-character"),
        (" https://apirtc.github.io/", "url-whitespace"),
        ("https://münchen.example/", "url-unsupported"),
        ("/relative", "url-invalid"),
        ("http://127.0.0.1:8802/", "url-not-https"),
    ])
    func refuses(url: String, code: DiagnosticCode) {
        #expect(throws: URLRejection.self) { try policy.validate(url) }
        do { _ = try policy.validate(url) } catch { #expect(error.code == code, "\(url): \(error.reason)") }
    }

    @Test func loopbackHTTPOnlyInDevMode() throws {
        let dev = URLPolicy(allowedHosts: ["apirtc.github.io"], allowLoopbackHTTP: true)
        #expect(try dev.validate("http://127.0.0.1:8802/agent/").origin == "http://127.0.0.1:8802")
        #expect(throws: URLRejection.self) { try dev.validate("http://10.0.0.1/") }
    }
}
