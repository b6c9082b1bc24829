@testable import EmbedCheck
import Testing

/// The memo behind the CSP parse and strength caches stays bounded whatever the input.
@Suite struct SharedMemoTests {
    @Test func computesOnceAndStaysBounded() {
        let memo = SharedMemo<String, Int>(limit: 3)
        var computed = 0
        for _ in 0..<5 { #expect(memo.value("a") { computed += 1; return 1 } == 1) }
        #expect(computed == 1, "an equal key is computed once")
        for key in 0..<100 { _ = memo.value("k\(key)") { key } }
        #expect(memo.count <= 3, "never more than its limit")
        _ = memo.value("big", keep: false) { 7 }
        #expect(memo.value("big") { 8 } == 8, "a key it was told not to keep is not kept")
    }

    @Test func parsedPolicyEqualsAFreshParse() {
        let text = "Script-Src  'self'   https://a.example; object-src 'none'; script-src *"
        let cached = CSPPolicy.parsed(text), again = CSPPolicy.parsed(text), fresh = CSPPolicy(text)
        #expect(cached.text == fresh.text && again.text == fresh.text)
        #expect(cached.duplicates == fresh.duplicates && cached.invalidNames == fresh.invalidNames)
        #expect(fresh.text == "script-src 'self' https://a.example;object-src 'none'")
    }
}
