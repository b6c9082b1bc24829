@testable import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// Reading URLs the way a browser does.
@Suite struct URLReadingTests {
    @Test(arguments: [
        ("javascript:alert(1)", "javascript"), ("  JaVaScRiPt:x", "javascript"), ("\u{1}\u{1F} javascript:x", "javascript"),
        ("java\tscr\nipt\r:x", "javascript"), ("data:text/html,x", "data"), ("https://x/", "https"), ("web+demo:x", "web+demo"),
        ("HTTPS://X", "https"), ("a1.b-c+d:x", "a1.b-c+d"),
    ])
    func schemeAsTheParserReadsIt(_ input: String, _ scheme: String) {
        #expect(ResolvedURL.classify(input).scheme == scheme)
        #expect(ResolvedURL.classify(input).pathOnly == false)
    }

    @Test(arguments: ["page.html", "?a=1#b", "#top", "/abs/path", "j a v a s c r i p t:x", "1javascript:x", "java%0ascript:x", ":x", ""])
    func relativeReferencesHaveNoScheme(_ input: String) {
        #expect(ResolvedURL.classify(input).scheme == nil)
    }

    @Test func pathOnlyExcludesAuthoritiesAndBackslashes() {
        #expect(ResolvedURL.classify("help/faq.html?x=1#top").pathOnly)
        #expect(ResolvedURL.classify("/docs/").pathOnly)
        #expect(!ResolvedURL.classify("//evil.example/x").pathOnly)
        #expect(!ResolvedURL.classify(" /\t/evil.example").pathOnly)
        #expect(!ResolvedURL.classify("/\\evil.example").pathOnly)
        #expect(!ResolvedURL.classify("https:evil.example").pathOnly)
    }

    /// The classifier agrees with the WPT-tested parser about the scheme of every input that parses.
    @Test func classifierAgreesWithTheURLParserOnWPTInputs() throws {
        let data = try Data(contentsOf: CheckPaths.sharedData.appendingPathComponent("wpt-url/urltestdata.json"))
        let entries = try #require(JSONSerialization.jsonObject(with: data) as? [Any])
        var compared = 0
        for case let entry as [String: Any] in entries {
            guard let input = entry["input"] as? String, let url = try? WebURL.parse(input) else { continue }
            #expect(ResolvedURL.classify(input).scheme == url.scheme, "\(input.debugDescription)")
            compared += 1
        }
        #expect(compared > 400)
    }

    @Test func queryParametersDecodeAsAServerDoes() {
        let parameters = QueryParameters.parse("a=1&b=%2B33+6&api%5Blicense_id%5D=7&&flag&c=")
        #expect(parameters.map(\.key) == ["a", "b", "api[license_id]", "flag", "c"])
        #expect(parameters[1].value == "+33 6")
        #expect(parameters[1].hasLiteralPlus)
        #expect(parameters[3].value == "")
    }

    @Test func bracketPaths() {
        #expect(QueryParameters.bracketPath("api[license_id]") == ["api", "license_id"])
        #expect(QueryParameters.bracketPath("crm[phones][0]") == ["crm", "phones", "0"])
        #expect(QueryParameters.bracketPath("crm[phones][]") == ["crm", "phones", ""])
        #expect(QueryParameters.bracketPath("plain") == ["plain"])
        #expect(QueryParameters.bracketPath("crm[phones[0]") == nil)
        #expect(QueryParameters.bracketPath("crm[phones]x") == nil)
    }
}
