@testable import EmbedSite
import Foundation
import Testing

/// `build --shard K/N` then `merge` writes exactly the site one build of all tenants writes, and
/// a shard rebuild is incremental like any build.
@Suite(.serialized) struct ShardMergeTests {
    let scratch = TestProject.temporaryDirectory("shards")

    /// N shards merged, for each N, against one build of everything: every byte of every file,
    /// the manifest included (so no trace of the shards is left in it).
    func expectMergesEqualASingleBuild(_ project: ShardedProject, counts: [Int], tenants: Int) throws {
        let single = project.build(into: "single")
        #expect(single.succeeded, "\(single.diagnostics)")
        let expected = project.snapshot("single")
        #expect(Set(expected.keys.compactMap { $0.split(separator: "/").first }).count == tenants + 1)   // + .embedsmith
        for count in counts {
            let shards = project.buildShards(count, prefix: "n\(count)")
            var seen = 0
            for (index, name) in shards.enumerated() {
                let manifest = try project.manifest(name)
                #expect(manifest.contains("\"shard\": \"\(index + 1)/\(count)\""))
                seen += try project.manifestObject(name)["tenants"].map { ($0 as? [String: String])?.count ?? 0 } ?? 0
            }
            #expect(seen == tenants, "the shards of \(count) do not hold every tenant once")
            let merged = project.merge(shards, into: "merged-\(count)")
            #expect(merged.succeeded && merged.exitStatus == .success, "N=\(count): \(merged.diagnostics)")
            #expect(merged.tenantCount == tenants)
            let files = project.snapshot("merged-\(count)")
            #expect(files.count == expected.count, "N=\(count)")
            #expect(files == expected, "N=\(count): \(Set(files.keys).symmetricDifference(expected.keys).sorted().prefix(5)) \(files.filter { expected[$0.key] != $0.value }.keys.sorted().prefix(5))")
        }
    }

    @Test func theSampleSiteInShardsMergesIntoTheSingleBuild() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let project = ShardedProject.sample(in: scratch)
        let tenants = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("content").path).count
        try expectMergesEqualASingleBuild(project, counts: [1, 2, 3, 7], tenants: tenants)
        // 7 shards of 4 tenants: some are empty, and still complete outputs that merge.
        let empty = (1...7).filter { (try? project.manifestObject("n7-\($0)")["tenants"] as? [String: String])??.isEmpty ?? false }
        #expect(!empty.isEmpty)
    }

    @Test func aGeneratedCorpusInShardsMergesIntoTheSingleBuild() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let project = try ShardedProject.generated(tenants: 300, in: scratch)
        try expectMergesEqualASingleBuild(project, counts: [1, 2, 3, 7], tenants: 300)
    }

    /// Rebuilding a shard into its previous output: nothing changed, nothing written; one of
    /// its tenants edited, that tenant alone rendered; another shard's tenant edited, nothing
    /// to do here. The shard's build cache is beside its output, as a site's is.
    @Test func aShardRebuildReusesItsPreviousOutput() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let project = try ShardedProject.generated(tenants: 30, in: scratch)
        let first = ShardSpec(index: 1, count: 3)!
        let full = project.build(into: "s1", shard: first, settledAfter: 10)
        #expect(full.succeeded && full.tenantsReused == 0 && full.tenantCount > 0)
        let ownTenants = (0..<30).map(ShardedProject.tenantID).filter { first.contains(tenant: $0) }
        #expect(full.tenantCount == ownTenants.count)
        #expect(FileManager.default.fileExists(atPath: project.scratch.appendingPathComponent(".s1.build-cache").path))

        let noop = project.build(into: "s1", shard: first, settledAfter: 10)
        #expect(noop.succeeded && !noop.wroteOutput && noop.tenantsReused == ownTenants.count)

        let own = try #require(ownTenants.first)
        try TestProject.write(["content/\(own)/index.md": "---\ntitle: Edited\n---\nNew text.\n"], into: project.root)
        let edit = project.build(into: "s1", shard: first, settledAfter: 20)
        #expect(edit.succeeded && edit.wroteOutput && edit.tenantsReused == ownTenants.count - 1 && edit.pageCount >= 1)

        let other = try #require((0..<30).map(ShardedProject.tenantID).first { !first.contains(tenant: $0) })
        try TestProject.write(["content/\(other)/index.md": "---\ntitle: Elsewhere\n---\nOther shard.\n"], into: project.root)
        let untouched = project.build(into: "s1", shard: first, settledAfter: 30)
        #expect(untouched.succeeded && !untouched.wroteOutput)

        // The rebuilt shard still merges into the single build of the edited content.
        let rest = [project.build(into: "s2", shard: ShardSpec(index: 2, count: 3)!), project.build(into: "s3", shard: ShardSpec(index: 3, count: 3)!)]
        #expect(rest.allSatisfy { $0.succeeded })
        #expect(project.merge(["s1", "s2", "s3"], into: "merged").succeeded)
        project.build(into: "single")
        #expect(project.snapshot("merged") == project.snapshot("single"))
    }

    /// A tenant never changes shard because others appear: the shard's old tenants are all
    /// reused, and the new ones it gets are rendered.
    @Test func addingTenantsMovesNoTenantBetweenShards() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let project = try ShardedProject.generated(tenants: 40, in: scratch)
        let spec = ShardSpec(index: 2, count: 4)!
        let before = project.build(into: "s2", shard: spec)
        #expect(before.succeeded)
        let beforeTenants = try Set((project.manifestObject("s2")["tenants"] as? [String: String] ?? [:]).keys)

        var files: [String: String] = [:]
        for t in 40..<80 {
            files["content/\(ShardedProject.tenantID(t))/tenant.yaml"] = "name: New \(t)\nbaseURL: https://n\(t).example/\n"
            files["content/\(ShardedProject.tenantID(t))/index.md"] = "---\ntitle: New\n---\nNew.\n"
        }
        try TestProject.write(files, into: project.root)
        let after = project.build(into: "s2", shard: spec)
        #expect(after.succeeded && after.tenantsReused == beforeTenants.count)
        let afterTenants = try Set((project.manifestObject("s2")["tenants"] as? [String: String] ?? [:]).keys)
        #expect(beforeTenants.isSubset(of: afterTenants))
        #expect(afterTenants.count > beforeTenants.count)
    }

    /// The same folder built as a shard, then whole: the whole build's manifest has no shard
    /// record (a single build's bytes), and back.
    @Test func aShardFolderRebuiltWholeIsASingleBuild() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let project = try ShardedProject.generated(tenants: 12, in: scratch)
        #expect(project.build(into: "out", shard: ShardSpec(index: 1, count: 1)!).succeeded)
        #expect(try project.manifest("out").contains("\"shard\": \"1/1\""))
        let whole = project.build(into: "out")
        #expect(whole.succeeded && whole.wroteOutput && whole.tenantsReused == 12)
        project.build(into: "single")
        #expect(project.snapshot("out") == project.snapshot("single"))
        let again = project.build(into: "out", shard: ShardSpec(index: 1, count: 1)!)
        #expect(again.wroteOutput)
        #expect(try project.manifest("out").contains("\"shard\": \"1/1\""))
    }
}
