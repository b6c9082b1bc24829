@testable import EmbedCheck
import Foundation
import Testing

/// `HeadersLookup` compiles a `_headers` file's rules for its first page and drops them after
/// its last page: every page still gets the same headers.
@Suite struct HeadersLookupTests {
    @Test func rulesAreDroppedAfterTheLastPageAndPagesKeepTheirHeaders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("headers-lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for tenant in ["a", "b"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(tenant), withIntermediateDirectories: true)
            try "/*\n  X-Tenant: \(tenant)\n/two\n  X-Two: yes\n".write(to: root.appendingPathComponent("\(tenant)/_headers"), atomically: true, encoding: .utf8)
        }
        let pages = ["a/one.html", "a/two.html", "b/one.html"].map { root.appendingPathComponent($0).path }
        let lookup = HeadersLookup(roots: [root.path], pages: pages)
        func served(_ page: String) throws -> [String: String] {
            let context = try #require(lookup.context(for: page))
            let rules = try #require(context.rules.first { $0.host == .cloudflare })
            let path = HostHeaderRules.servedURLPaths(ofFile: context.relativePath, on: .cloudflare)[0]
            return rules.effectiveHeaders(ofURLPath: path).mapValues(\.value)
        }
        #expect(try served(pages[0]) == ["x-tenant": "a"])
        #expect(lookup.compiledFolders == 1)
        lookup.pageDone(pages[0])
        #expect(lookup.compiledFolders == 1, "a page of a/ is left")
        #expect(try served(pages[1]) == ["x-tenant": "a", "x-two": "yes"])
        lookup.pageDone(pages[1])
        #expect(lookup.compiledFolders == 0, "a/ is done: its rules are dropped")
        #expect(try served(pages[2]) == ["x-tenant": "b"])
        lookup.pageDone(pages[2])
        #expect(lookup.compiledFolders == 0)
        // Asked for again after its last page, a folder's rules are compiled again, not lost.
        #expect(try served(pages[1]) == ["x-tenant": "a", "x-two": "yes"])
    }
}
