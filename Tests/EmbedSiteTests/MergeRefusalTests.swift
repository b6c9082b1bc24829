import EmbedCore
@testable import EmbedSite
import Foundation
import Testing

/// `merge` refuses, before writing anything, every set of folders that would not make the site a
/// single build writes: exit 65 (64 for an --out it may not replace), a message naming the code,
/// and the previous site at --out untouched.
@Suite(.serialized) struct MergeRefusalTests {
    let scratch = TestProject.temporaryDirectory("merge-refusals")
    let project: ShardedProject

    init() throws {
        project = try ShardedProject.generated(tenants: 16, in: scratch)
    }

    /// A complete site at `merged` first, so every refusal can be seen to leave it alone.
    func refuse(_ shards: [String], code: String, status: EmbedCore.ExitStatus = .invalidInput,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if !FileManager.default.fileExists(atPath: project.folder("merged").path) {
            let good = project.buildShards(2, prefix: "good")
            #expect(project.merge(good, into: "merged").succeeded, sourceLocation: sourceLocation)
        }
        let before = project.snapshot("merged")
        let summary = project.merge(shards, into: "merged")
        #expect(!summary.succeeded && summary.exitStatus == status, "\(summary.diagnostics)", sourceLocation: sourceLocation)
        #expect(summary.diagnostics.contains { $0.code == code && $0.severity == .error },
                "expected \(code), got \(summary.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        let untouched = project.snapshot("merged") == before
        #expect(untouched, "the previous site changed", sourceLocation: sourceLocation)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path))?.filter { $0.contains(".staging-") } ?? []
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test func aMissingShard() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(3, prefix: "s")
        refuse([shards[0], shards[2]], code: "merge-shard-missing")
    }

    @Test func aDuplicatedShard() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(2, prefix: "s")
        refuse(shards + [shards[1]], code: "merge-shard-duplicate")
        // The same shard built twice into two folders is a duplicate too.
        project.build(into: "copy", shard: ShardSpec(index: 2, count: 2)!)
        refuse(shards + ["copy"], code: "merge-shard-duplicate")
    }

    @Test func shardsOfDifferentN() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let two = project.buildShards(2, prefix: "two"), three = project.buildShards(3, prefix: "three")
        refuse([two[0], three[1], three[2]], code: "merge-shard-count")
    }

    @Test func shardsBuiltFromOtherTemplates() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
        try TestProject.write(["templates/partials/footer.mustache": "<footer class=\"es-footer\"><p>{{tenant.name}} (edited)</p></footer>\n"], into: project.root)
        project.build(into: "s2", shard: ShardSpec(index: 2, count: 2)!)
        refuse(["s1", "s2"], code: "merge-inputs-differ")
    }

    @Test func shardsBuiltWithOtherSettings() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
        try TestProject.write(["embedsmith.yaml": "build:\n  limits:\n    assetBytes: 1000000\n"], into: project.root)
        #expect(project.build(into: "s2", shard: ShardSpec(index: 2, count: 2)!).succeeded)
        refuse(["s1", "s2"], code: "merge-inputs-differ")
    }

    @Test func shardsBuiltWithAndWithoutDev() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
        _ = BuildPipeline.run(BuildOptions(root: project.root, output: project.folder("s2"), jobs: 2, dev: true, shard: ShardSpec(index: 2, count: 2)!))
        refuse(["s1", "s2"], code: "merge-inputs-differ")
    }

    /// Another embedsmith writes another generator line (this one cannot build as another
    /// version: the shard's manifest says so as one would).
    @Test func shardsOfAnotherToolVersion() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(2, prefix: "s")
        let manifest = try project.manifest(shards[1])
        try project.writeManifest(manifest.replacingOccurrences(of: "\"embedsmith \(Manifest.toolVersion)\"", with: "\"embedsmith 0.0.9\""), of: shards[1])
        refuse(shards, code: "merge-tool-version")
    }

    /// A tenant in two shards: the second shard's manifest and folder also hold a tenant of the first.
    @Test func overlappingTenants() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(2, prefix: "s")
        let first = try project.manifestObject(shards[0])
        var second = try project.manifestObject(shards[1])
        let firstTenants = first["tenants"] as? [String: String] ?? [:]
        let tenant = try #require(firstTenants.keys.sorted().first)
        var tenants = second["tenants"] as? [String: String] ?? [:]
        tenants[tenant] = firstTenants[tenant]
        second["tenants"] = tenants
        var outputs = second["outputs"] as? [String: String] ?? [:]
        for (path, hash) in first["outputs"] as? [String: String] ?? [:] where path.hasPrefix(tenant + "/") { outputs[path] = hash }
        second["outputs"] = outputs
        try project.writeManifestObject(second, of: shards[1])
        try FileManager.default.copyItem(at: project.folder(shards[0]).appendingPathComponent(tenant), to: project.folder(shards[1]).appendingPathComponent(tenant))
        refuse(shards, code: "merge-tenant-overlap")
    }

    /// A tenant added to content/ between two shards' builds: each shard is fine alone, but
    /// together they are not one checkout's tenants.
    @Test func shardsOfDifferentContent() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
        try TestProject.write(["content/late/tenant.yaml": "name: Late\nbaseURL: https://late.example/\n",
                               "content/late/index.md": "---\ntitle: Late\n---\nLate.\n"], into: project.root)
        project.build(into: "s2", shard: ShardSpec(index: 2, count: 2)!)
        refuse(["s1", "s2"], code: "merge-content-differs")
    }

    @Test func foldersThatAreNotShards() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        project.build(into: "whole")
        refuse(["whole"], code: "merge-not-shard")
        try TestProject.write(["random/index.html": "<p>hi</p>\n"], into: scratch)
        refuse(["random"], code: "merge-not-shard")
        refuse(["does-not-exist"], code: "merge-not-shard")
    }

    /// A shard's output holds only folders and regular files: a link there (to a file outside,
    /// say) is refused, not followed or published.
    @Test func aLinkInAShardIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(2, prefix: "s")
        let tenant = try #require((try project.manifestObject(shards[0])["tenants"] as? [String: String])?.keys.sorted().first)
        let page = project.folder(shards[0]).appendingPathComponent("\(tenant)/index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: "/etc/passwd")
        refuse(shards, code: "merge-not-shard")
        // The tenant folder itself a link: refused too.
        try FileManager.default.removeItem(at: project.folder(shards[0]).appendingPathComponent(tenant))
        try FileManager.default.createSymbolicLink(atPath: project.folder(shards[0]).appendingPathComponent(tenant).path, withDestinationPath: "/etc")
        refuse(shards, code: "merge-not-shard")
    }

    /// Tenant ids in a shard's manifest become paths: one that no build writes (`..`) is refused.
    @Test func aTenantNameThatIsAPathIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(1, prefix: "s")
        var object = try project.manifestObject(shards[0])
        var tenants = object["tenants"] as? [String: String] ?? [:]
        tenants[".."] = "0"
        object["tenants"] = tenants
        var outputs = object["outputs"] as? [String: String] ?? [:]
        outputs["../x"] = "0"
        object["outputs"] = outputs
        try project.writeManifestObject(object, of: shards[0])
        refuse(shards, code: "merge-not-shard")
    }

    @Test func anOutputInsideAShardOrAForeignFolder() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(1, prefix: "s")
        let inside = project.merge(shards, into: "s-1/merged")
        #expect(inside.exitStatus == .usage && inside.diagnostics.contains { $0.code == "output-unsafe" })
        let same = project.merge(shards, into: "s-1")
        #expect(same.exitStatus == .usage && same.diagnostics.contains { $0.code == "output-unsafe" })
        try TestProject.write(["foreign/notes.txt": "mine\n"], into: scratch)
        let foreign = project.merge(shards, into: "foreign")
        #expect(foreign.exitStatus == .usage && foreign.diagnostics.contains { $0.code == "output-not-site" })
        #expect(project.snapshot("foreign") == ["notes.txt": Data("mine\n".utf8)])
    }
}
