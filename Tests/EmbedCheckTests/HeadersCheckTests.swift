import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// `embedsmith check` reading `_headers`: the file's own problems, and pages checked with the
/// headers the hosts send them, meta and header policies together.
@Suite(.serialized, .enabled(if: CheckPaths.executable != nil, "the embedsmith executable is not built"))
struct HeadersCheckTests {
    static let strictMeta = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"

    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("embedsmith-headers-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// A hand-written tenant _headers with a syntax error, and a rule for /agent.html only:
    /// the file's line is reported, and Cloudflare's /agent has no frame-ancestors.
    @Test func fileProblemsAndPagesServedWithoutFrameAncestors() throws {
        let root = try Self.folder([
            "site/acme/_headers": "/*\n  X-Content-Type-Options: nosniff\nReferrer-Policy: no-referrer\n/agent.html\n  Content-Security-Policy: frame-ancestors 'self'\n",
            "site/acme/agent.html": Checking.page(body: "<p>x</p>", csp: Self.strictMeta),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CheckCommandTests.run(["check", "site"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("site/acme/_headers:3:1: error: Referrer-Policy: is not a URL path"), "\(result.stderr)")
        #expect(result.stderr.contains("site/acme/agent.html:2:1: error: served on Cloudflare Pages at /agent without frame-ancestors"), "\(result.stderr)")
        #expect(!result.stderr.contains("on Netlify at /agent.html without frame-ancestors"))
        #expect(result.stderr.contains("on Netlify at /agent without frame-ancestors"), "Netlify serves /agent too")
    }

    /// A browser enforces the meta and the header policy: object-src in the header covers a
    /// meta without it; 'unsafe-eval' in both is reported, naming the header line.
    @Test func metaAndHeaderPoliciesTogether() throws {
        let headers = "/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: object-src 'none'; frame-ancestors 'self'\n"
            + "/eval\n  Content-Security-Policy: script-src 'self' 'unsafe-eval'\n"
        let root = try Self.folder([
            "site/_headers": headers,
            "site/index.html": Checking.page(body: "<p>x</p>", csp: "default-src 'self'; script-src 'self'; base-uri 'none'; object-src https:")
                .replacingOccurrences(of: "default-src 'self'; ", with: "").replacingOccurrences(of: "; object-src https:", with: ""),
            "site/eval.html": Checking.page(body: "<p>x</p>", csp: "default-src 'none'; script-src 'self' 'unsafe-eval'; base-uri 'none'; object-src 'none'"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CheckCommandTests.run(["check", "site"], in: root)
        #expect(!result.stderr.contains("index.html:5:44: error: the Content-Security-Policy has no object-src"), "\(result.stderr)")
        #expect(!result.stderr.contains("site/index.html"), "\(result.stderr)")
        #expect(result.stderr.contains("site/eval.html:5:") && result.stderr.contains("allows 'unsafe-eval'"), "\(result.stderr)")
        #expect(result.stderr.contains("(Content-Security-Policy header, site/_headers:5, on "), "\(result.stderr)")
        // The same page without the header: object-src is missing.
        try FileManager.default.copyItem(at: root.appendingPathComponent("site/index.html"), to: root.appendingPathComponent("index.html"))
        let alone = try CheckCommandTests.run(["check", "index.html"], in: root)
        #expect(alone.stderr.contains("no object-src"), "\(alone.stderr)")
    }
}
