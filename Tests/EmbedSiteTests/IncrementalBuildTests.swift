import EmbedSite
import Foundation
import Testing

/// Rebuilds render only what changed (Hugo's render-count assertions), and their output is
/// byte for byte a clean build's.
@Suite(.serialized) struct IncrementalBuildTests {
    let root = TestProject.temporaryDirectory("incremental")
    var output: URL { root.appendingPathComponent("site") }

    init() throws {
        for t in 0..<4 {
            var files = ["content/t\(t)/tenant.yaml": "name: Tenant \(t)\nbaseURL: https://t\(t).example/\n"]
            for p in 0..<3 { files["content/t\(t)/p\(p).md"] = "---\ntitle: Page \(p)\n---\nText of page \(p).\n" }
            try TestProject.write(files, into: root)
        }
    }

    func build(clean: Bool = false, tenants: [String] = []) -> BuildPipeline.Summary {
        BuildPipeline.run(BuildOptions(root: root, output: output, tenants: tenants, jobs: 2, clean: clean))
    }

    /// The same content built from scratch elsewhere.
    func cleanBuild() -> [String: Data] {
        let other = root.appendingPathComponent("clean-site")
        _ = BuildPipeline.run(BuildOptions(root: root, output: other, jobs: 1, clean: true))
        defer { try? FileManager.default.removeItem(at: other) }
        return TestProject.snapshot(other)
    }

    @Test func eachKindOfEditRendersOnlyWhatItMust() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let full = build()
        #expect(full.succeeded && full.pageCount == 12 && full.tenantsReused == 0)

        let noop = build()
        #expect(noop.succeeded && noop.pageCount == 0 && noop.tenantsReused == 4 && !noop.wroteOutput)

        // One page: its tenant is rendered again (3 pages: the navigation shows every title).
        try TestProject.write(["content/t1/p2.md": "---\ntitle: Renamed\n---\nNew text.\n"], into: root)
        let page = build()
        #expect(page.pageCount == 3 && page.tenantsReused == 3 && page.wroteOutput)
        #expect(TestProject.snapshot(output) == cleanBuild())

        // One tenant's config.
        try TestProject.write(["content/t2/tenant.yaml": "name: Tenant Two\nbaseURL: https://t2.example/\n"], into: root)
        let config = build()
        #expect(config.pageCount == 3 && config.tenantsReused == 3)
        #expect(TestProject.snapshot(output) == cleanBuild())

        // A shared template: everything.
        try TestProject.write(["templates/partials/footer.mustache": "<footer class=\"es-footer\"><p>{{tenant.name}} (edited)</p></footer>\n"], into: root)
        let template = build()
        #expect(template.pageCount == 12 && template.tenantsReused == 0)
        #expect(TestProject.snapshot(output) == cleanBuild())

        // Deleted pages and tenants disappear.
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/t0/p1.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/t3"))
        let deletion = build()
        #expect(deletion.pageCount == 2 && deletion.tenantsReused == 2)
        let files = TestProject.snapshot(output)
        #expect(files["t0/p1.html"] == nil)
        #expect(!files.keys.contains { $0.hasPrefix("t3/") })
        #expect(files == cleanBuild())

        // --clean renders everything whatever the manifest says.
        let clean = build(clean: true)
        #expect(clean.pageCount == 8 && clean.tenantsReused == 0)
    }

    /// A rebuild swaps in the changed tenants' folders and leaves the others' folders where they
    /// are (same folder inodes: not even re-linked), so its file-system work is in proportion to
    /// the change.
    @Test func aRebuildReplacesOnlyTheChangedTenantFolders() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        func inode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.systemFileNumber] as? Int)
        }
        #expect(build().succeeded)
        let untouched = try inode("t0"), edited = try inode("t1")
        try TestProject.write(["content/t1/p0.md": "---\ntitle: Page 0\n---\nEdited.\n"], into: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/t3"))
        let rebuild = build()
        #expect(rebuild.succeeded && rebuild.pageCount == 3 && rebuild.tenantsReused == 2)
        #expect(try inode("t0") == untouched)
        #expect(try inode("t1") != edited)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("t3").path))
        #expect(TestProject.snapshot(output) == cleanBuild())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// A second build on the same output folder while one runs stops with a clear error (two
    /// would clear each other's staging folder); the lock goes with the process that held it.
    @Test func aSecondBuildOnTheSameOutputWaitsForNone() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(build().succeeded)
        let lockPath = root.path + "/.site.lock"
        let holder = open(lockPath, O_RDWR | O_CREAT, 0o644)
        try #require(holder >= 0)
        try #require(flock(holder, LOCK_EX | LOCK_NB) == 0)   // stands for a build in progress
        try TestProject.write(["content/t0/p0.md": "---\ntitle: Page 0\n---\nChanged.\n"], into: root)
        let before = TestProject.snapshot(output)
        let busy = build()
        #expect(!busy.succeeded && busy.exitStatus == .ioFailure)
        #expect(busy.diagnostics.map(\.code) == ["output-busy"])
        #expect(TestProject.snapshot(output) == before)
        flock(holder, LOCK_UN)
        close(holder)
        let after = build()
        #expect(after.succeeded && after.pageCount == 3)
    }

    @Test func aPartialBuildKeepsTheOtherTenantsAndTheNextFullBuildReusesThem() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = build()
        try TestProject.write(["content/t0/p0.md": "---\ntitle: Changed\n---\nx\n", "content/t1/p0.md": "---\ntitle: Also changed\n---\ny\n"], into: root)
        let partial = build(tenants: ["t0"])
        #expect(partial.pageCount == 3)
        let html = try String(contentsOf: output.appendingPathComponent("t1/p0.html"), encoding: .utf8)
        #expect(html.contains("Page 0"), "t1 was not asked for: it keeps its previous output")
        let next = build()
        #expect(next.pageCount == 3 && next.tenantsReused == 3, "only t1 is left to render")
        #expect(TestProject.snapshot(output) == cleanBuild())
    }
}
