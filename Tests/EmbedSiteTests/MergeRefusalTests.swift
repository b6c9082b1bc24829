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
    func refuse(_ shards: [String], code: DiagnosticCode, status: EmbedCore.ExitStatus = .invalidInput,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if !FileManager.default.fileExists(atPath: project.folder("merged").path) {
            let good = project.buildShards(2, prefix: "good")
            #expect(project.merge(good, into: "merged").succeeded, sourceLocation: sourceLocation)
        }
        let before = project.snapshot("merged")
        let summary = project.merge(shards, into: "merged")
        #expect(!summary.succeeded && summary.exitStatus == status, "\(summary.diagnostics)", sourceLocation: sourceLocation)
        #expect(summary.diagnostics.contains { $0.code == code.rawValue && $0.severity == .error },
                "expected \(code), got \(summary.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        let untouched = project.snapshot("merged") == before
        #expect(untouched, "the previous site changed", sourceLocation: sourceLocation)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path))?.filter { $0.contains(".staging-") } ?? []
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)", sourceLocation: sourceLocation)
    }

    /// One way to hand `merge` a set of folders it must refuse, and the code it must refuse it with.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let code: DiagnosticCode
        let run: @Sendable (MergeRefusalTests, DiagnosticCode) throws -> Void
        init(_ name: String, _ code: DiagnosticCode, _ run: @escaping @Sendable (MergeRefusalTests, DiagnosticCode) throws -> Void) {
            self.name = name
            self.code = code
            self.run = run
        }
        var testDescription: String { "\(name) [\(code)]" }
    }

    @Test("merge refuses the set", arguments: refusals)
    func refuses(_ refusal: Refusal) throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try refusal.run(self, refusal.code)
    }

    /// Every code of `merge`'s refusals (`DiagnosticCode.merge`) has a case below.
    @Test func everyMergeCodeHasARefusal() {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let missing = Set(DiagnosticCode.merge).subtracting(Self.refusals.map(\.code))
        #expect(missing.isEmpty, "merge codes without a refusal case: \(missing.sorted())")
    }

    static let refusals: [Refusal] = [
        Refusal("aMissingShard", .mergeShardMissing) { test, code in
            let shards = test.project.buildShards(3, prefix: "s")
            test.refuse([shards[0], shards[2]], code: code)
        },
        Refusal("aDuplicatedShard", .mergeShardDuplicate) { test, code in
            let shards = test.project.buildShards(2, prefix: "s")
            test.refuse(shards + [shards[1]], code: code)
            // The same shard built twice into two folders is a duplicate too.
            test.project.build(into: "copy", shard: ShardSpec(index: 2, count: 2)!)
            test.refuse(shards + ["copy"], code: code)
        },
        Refusal("shardsOfDifferentN", .mergeShardCount) { test, code in
            let two = test.project.buildShards(2, prefix: "two"), three = test.project.buildShards(3, prefix: "three")
            test.refuse([two[0], three[1], three[2]], code: code)
        },
        Refusal("shardsBuiltFromOtherTemplates", .mergeInputsDiffer) { test, code in
            test.project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
            try TestProject.write(["templates/partials/footer.mustache": "<footer class=\"es-footer\"><p>{{tenant.name}} (edited)</p></footer>\n"], into: test.project.root)
            test.project.build(into: "s2", shard: ShardSpec(index: 2, count: 2)!)
            test.refuse(["s1", "s2"], code: code)
        },
        Refusal("shardsBuiltWithOtherSettings", .mergeInputsDiffer) { test, code in
            test.project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
            try TestProject.write(["embedsmith.yaml": "build:\n  limits:\n    assetBytes: 1000000\n"], into: test.project.root)
            #expect(test.project.build(into: "s2", shard: ShardSpec(index: 2, count: 2)!).succeeded)
            test.refuse(["s1", "s2"], code: code)
        },
        Refusal("shardsBuiltWithAndWithoutDev", .mergeInputsDiffer) { test, code in
            test.project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
            _ = BuildPipeline.run(BuildOptions(root: test.project.root, output: test.project.folder("s2"), jobs: 2, dev: true, shard: ShardSpec(index: 2, count: 2)!))
            test.refuse(["s1", "s2"], code: code)
        },
        /// Another embedsmith writes another generator line (this one cannot build as another
        /// version: the shard's manifest says so as one would).
        Refusal("shardsOfAnotherToolVersion", .mergeToolVersion) { test, code in
            let shards = test.project.buildShards(2, prefix: "s")
            let manifest = try test.project.manifest(shards[1])
            try test.project.writeManifest(manifest.replacingOccurrences(of: "\"embedsmith \(Manifest.toolVersion)\"", with: "\"embedsmith 0.0.9\""), of: shards[1])
            test.refuse(shards, code: code)
        },
        /// A tenant in two shards: the second shard's manifest and folder also hold a tenant of the first.
        Refusal("overlappingTenants", .mergeTenantOverlap) { test, code in
            let shards = test.project.buildShards(2, prefix: "s")
            let first = try test.project.manifestObject(shards[0])
            var second = try test.project.manifestObject(shards[1])
            let firstTenants = first["tenants"] as? [String: String] ?? [:]
            let tenant = try #require(firstTenants.keys.sorted().first)
            var tenants = second["tenants"] as? [String: String] ?? [:]
            tenants[tenant] = firstTenants[tenant]
            second["tenants"] = tenants
            var outputs = second["outputs"] as? [String: String] ?? [:]
            for (path, hash) in first["outputs"] as? [String: String] ?? [:] where path.hasPrefix(tenant + "/") { outputs[path] = hash }
            second["outputs"] = outputs
            try test.project.writeManifestObject(second, of: shards[1])
            try FileManager.default.copyItem(at: test.project.folder(shards[0]).appendingPathComponent(tenant), to: test.project.folder(shards[1]).appendingPathComponent(tenant))
            test.refuse(shards, code: code)
        },
        /// A tenant added to content/ between two shards' builds: each shard is fine alone, but
        /// together they are not one checkout's tenants.
        Refusal("shardsOfDifferentContent", .mergeContentDiffers) { test, code in
            test.project.build(into: "s1", shard: ShardSpec(index: 1, count: 2)!)
            try TestProject.write(["content/late/tenant.yaml": "name: Late\nbaseURL: https://late.example/\n",
                                   "content/late/index.md": "---\ntitle: Late\n---\nLate.\n"], into: test.project.root)
            test.project.build(into: "s2", shard: ShardSpec(index: 2, count: 2)!)
            test.refuse(["s1", "s2"], code: code)
        },
        Refusal("foldersThatAreNotShards", .mergeNotShard) { test, code in
            test.project.build(into: "whole")
            test.refuse(["whole"], code: code)
            try TestProject.write(["random/index.html": "<p>hi</p>\n"], into: test.scratch)
            test.refuse(["random"], code: code)
            test.refuse(["does-not-exist"], code: code)
        },
        /// A shard's output holds only folders and regular files: a link there (to a file outside,
        /// say) is refused, not followed or published.
        Refusal("aLinkInAShardIsRefused", .mergeNotShard) { test, code in
            let shards = test.project.buildShards(2, prefix: "s")
            let tenant = try #require((try test.project.manifestObject(shards[0])["tenants"] as? [String: String])?.keys.sorted().first)
            let page = test.project.folder(shards[0]).appendingPathComponent("\(tenant)/index.html")
            try FileManager.default.removeItem(at: page)
            try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: "/etc/passwd")
            test.refuse(shards, code: code)
            // The tenant folder itself a link: refused too.
            try FileManager.default.removeItem(at: test.project.folder(shards[0]).appendingPathComponent(tenant))
            try FileManager.default.createSymbolicLink(atPath: test.project.folder(shards[0]).appendingPathComponent(tenant).path, withDestinationPath: "/etc")
            test.refuse(shards, code: code)
        },
        /// Tenant ids in a shard's manifest become paths: one that no build writes (`..`) is refused.
        Refusal("aTenantNameThatIsAPathIsRefused", .mergeNotShard) { test, code in
            let shards = test.project.buildShards(1, prefix: "s")
            var object = try test.project.manifestObject(shards[0])
            var tenants = object["tenants"] as? [String: String] ?? [:]
            tenants[".."] = "0"
            object["tenants"] = tenants
            var outputs = object["outputs"] as? [String: String] ?? [:]
            outputs["../x"] = "0"
            object["outputs"] = outputs
            try test.project.writeManifestObject(object, of: shards[0])
            test.refuse(shards, code: code)
        },
    ]

    @Test func anOutputInsideAShardOrAForeignFolder() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shards = project.buildShards(1, prefix: "s")
        let inside = project.merge(shards, into: "s-1/merged")
        #expect(inside.exitStatus == .usage && inside.diagnostics.contains { $0.code == DiagnosticCode.outputUnsafe.rawValue })
        let same = project.merge(shards, into: "s-1")
        #expect(same.exitStatus == .usage && same.diagnostics.contains { $0.code == DiagnosticCode.outputUnsafe.rawValue })
        try TestProject.write(["foreign/notes.txt": "mine\n"], into: scratch)
        let foreign = project.merge(shards, into: "foreign")
        #expect(foreign.exitStatus == .usage && foreign.diagnostics.contains { $0.code == DiagnosticCode.outputNotSite.rawValue })
        #expect(project.snapshot("foreign") == ["notes.txt": Data("mine\n".utf8)])
    }
}
