@testable import EmbedCheck
import EmbedCore
import Testing

/// CSP parsing, fallbacks and source matching (CSP3).
@Suite struct CSPTests {
    @Test func parsesLikeABrowser() {
        let policy = CSPPolicy("  Default-Src 'none' ;script-src 'self'\thttps://a.example; script-src 'unsafe-inline';;bad_name x; frame-src")
        #expect(policy.directives.map(\.name) == ["default-src", "script-src", "frame-src"])
        #expect(policy.directive("script-src")?.sources == ["'self'", "https://a.example"])
        #expect(policy.duplicates == ["script-src"])
        #expect(policy.directive("frame-src")?.sources == [])
    }

    @Test func fallbacks() {
        let policy = CSPPolicy("default-src 'self'; child-src https://c.example; script-src 'none'")
        #expect(policy.effective("frame-src")?.name == "child-src")
        #expect(policy.effective("script-src-elem")?.name == "script-src")
        #expect(policy.effective("style-src-elem")?.name == "default-src")
        #expect(CSPPolicy("img-src 'self'").effective("frame-src") == nil)
    }

    static let page = try! WebURL.parse("https://support.acme.example/a/b.html")

    @Test(arguments: [
        ("https://apirtc.github.io", "https://apirtc.github.io/web-agent/?aK=1", true),
        ("apirtc.github.io", "https://apirtc.github.io/x", true),
        ("http://apirtc.github.io", "https://apirtc.github.io/x", true),
        ("https://apirtc.github.io", "http://apirtc.github.io/x", false),
        ("https://*.apizee.com", "https://app.apizee.com/agent/", true),
        ("https://*.apizee.com", "https://apizee.com/", false),
        ("https://app.apizee.com:443", "https://app.apizee.com/agent/", true),
        ("https://app.apizee.com:8443", "https://app.apizee.com/agent/", false),
        ("https://app.apizee.com:*", "https://app.apizee.com:8443/agent/", true),
        ("https://app.apizee.com", "https://app.apizee.com:8443/agent/", false),
        ("https://apirtc.github.io/web-agent/", "https://apirtc.github.io/web-agent/index.html", true),
        ("https://apirtc.github.io/web-agent", "https://apirtc.github.io/web-agent/", false),
        ("https://apirtc.github.io/web-guest/", "https://apirtc.github.io/web-agent/", false),
        ("https:", "https://anything.example/", true),
        ("*", "https://anything.example/", true),
        ("*", "data:text/html,x", false),
        ("'self'", "https://support.acme.example/x", true),
        ("'self'", "https://other.example/x", false),
        ("'none'", "https://support.acme.example/x", false),
        ("'sha256-abc='", "https://support.acme.example/x", false),
    ])
    func sourceMatching(_ source: String, _ url: String, _ allowed: Bool) throws {
        let target = try WebURL.parse(url)
        #expect(CSPSourceList([source]).allows(target, pageURL: Self.page) == allowed, "\(source) vs \(url)")
    }

    @Test func hashSources() {
        #expect(CSPSourceList.hashSource("'SHA256-ab-_=='")?.algorithm == "sha256")
        #expect(CSPSourceList.hashSource("'sha256-ab-_=='")?.digest == "ab+/==")
        #expect(CSPSourceList.hashSource("'sha1-abc'") == nil)
        #expect(CSPSourceList.hashSource("sha256-abc") == nil)
        let list = CSPSourceList(["'self'", "'unsafe-inline'", "'nonce-r4nd0m'"])
        #expect(list.allowsUnsafeInline && list.hasHashOrNonce && !list.allowsAllInline)
        #expect(list.nonces == ["r4nd0m"])
        #expect(CSPSourceList(["'UNSAFE-INLINE'"]).allowsAllInline)
    }

    @Test func inlineHashesAreOverTheExactText() {
        var hash = InlineScriptHash("start()")
        #expect(hash.digest("sha256") == "DIm7WJS6ZKDYe5qFLPy+h4JFI9Bol5QmYC57mt3Fb00=")
        #expect(hash.sha256Source() == "'sha256-DIm7WJS6ZKDYe5qFLPy+h4JFI9Bol5QmYC57mt3Fb00='")
        var other = InlineScriptHash("start() ")
        #expect(other.digest("sha256") != hash.digest("sha256"))
        #expect(hash.digest("sha512").count == 88)
    }

    @Test func scriptTypesThatRun() {
        func script(_ type: String?) -> PageElement {
            let attributes = type.map { [PageAttribute(name: "type", value: $0, position: Position(line: 1, column: 1),
                                                       valuePosition: Position(line: 1, column: 1), valueIsVerbatim: true, url: nil)] } ?? []
            return PageElement(order: 0, name: "script", namespace: .html, attributes: attributes, position: Position(line: 1, column: 1),
                               inHead: true, text: "", silenced: [])
        }
        #expect(PageCSP.isExecutable(script(nil)))
        #expect(PageCSP.isExecutable(script("")))
        #expect(PageCSP.isExecutable(script(" Text/JavaScript ")))
        #expect(PageCSP.isExecutable(script("module")))
        #expect(PageCSP.isExecutable(script("importmap")))
        #expect(!PageCSP.isExecutable(script("application/json")))
        #expect(!PageCSP.isExecutable(script("text/template")))
    }
}
