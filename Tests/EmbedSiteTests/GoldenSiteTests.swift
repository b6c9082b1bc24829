import EmbedCore
import EmbedSite
import Foundation
import Testing

/// The generated HTML of each fixture tenant, byte for byte.
@Suite struct GoldenSiteTests {
    static let project = TestProject.fixtures.appendingPathComponent("projects/golden")

    static func build(jobs: Int = 2) -> (BuildPipeline.Summary, [String: Data]) {
        let out = TestProject.temporaryDirectory("golden").appendingPathComponent("site")
        let summary = BuildPipeline.run(BuildOptions(root: project, output: out, jobs: jobs))
        let files = TestProject.snapshot(out)
        try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
        return (summary, files)
    }

    @Test(arguments: ["en-current", "fr-legacy", "many-buttons", "agent-side", "chat-timeline"])
    func tenantMatchesGolden(tenant: String) {
        let (summary, files) = Self.build()
        #expect(summary.succeeded, "\(summary.diagnostics)")
        // The shared stylesheet and bridge scripts are made from templates/assets/ (compiled in at
        // build time); the pages pin them by hashed name and integrity, so the goldens hold no
        // copies of them.
        let mine = files.filter { $0.key.hasPrefix(tenant + "/") && !$0.key.hasPrefix(tenant + "/assets/embedsmith/embedsmith") }
            .reduce(into: [String: Data]()) { $0[String($1.key.dropFirst(tenant.count + 1))] = $1.value }
        #expect(!mine.isEmpty)
        Golden.assertMatches(mine, golden: TestProject.fixtures.appendingPathComponent("golden/\(tenant)"))
    }

    @Test func manifestListsEveryInputAndOutput() throws {
        let (_, files) = Self.build()
        let data = try #require(files[".embedsmith/manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let outputs = try #require(manifest["outputs"] as? [String: String])
        let inputs = try #require(manifest["inputs"] as? [String: String])
        #expect(Set(outputs.keys) == Set(files.keys).subtracting([".embedsmith/manifest.json"]))
        for (path, hash) in outputs { #expect(ContentHash.sha256Hex(files[path]!) == hash, "\(path)") }
        #expect(inputs["content/en-current/tenant.yaml"] != nil)
        #expect(inputs["content/en-current/help/faq.md"] != nil)
        #expect(inputs["templates/layouts/page.mustache"] != nil)
    }

    @Test func buildsAreIdenticalWhateverTheJobCount() {
        let (a, one) = Self.build(jobs: 1)
        let (b, four) = Self.build(jobs: 4)
        #expect(a.succeeded && b.succeeded)
        #expect(one == four)
    }
}
