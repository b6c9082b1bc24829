import Foundation
import Testing

/// `embedsmith build --shard K/N` and `embedsmith merge` as a CI job runs them.
@Suite(.serialized) struct ShardCommandTests {
    @Test func shardsBuiltAndMergedByTheCLIEqualOneBuild() throws {
        let root = CLIRunner.temporaryDirectory("shard-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        try CLIRunner.makeProject(at: root, tenants: 12, pages: 2)
        #expect(try CLIRunner.run(["build", "--quiet"], in: root).status == 0)
        for k in 1...3 {
            let shard = try CLIRunner.run(["build", "--shard", "\(k)/3", "--out", "shards/\(k)"], in: root)
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.contains("shard \(k)/3"), "\(shard.stdout)")
        }
        let merged = try CLIRunner.run(["merge", "--out", "merged", "shards/3", "shards/1", "shards/2"], in: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("merged 12 tenants from 3 shards"), "\(merged.stdout)")
        let site = CLIRunner.snapshot(root.appendingPathComponent("site"))
        #expect(site.count > 30)
        #expect(CLIRunner.snapshot(root.appendingPathComponent("merged")) == site)

        // A merge over the previous merged site (a site embedsmith wrote) replaces it.
        let again = try CLIRunner.run(["merge", "--quiet", "--out", "merged", "shards/1", "shards/2", "shards/3"], in: root)
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again.stderr)")
        #expect(CLIRunner.snapshot(root.appendingPathComponent("merged")) == site)

        // A refusal: exit 65, the code and a hint on stderr, the site left as it was.
        let missing = try CLIRunner.run(["merge", "--out", "merged", "shards/1", "shards/3"], in: root)
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("error: shard 2/3 is missing: a merged site needs all 3 [merge-shard-missing]"), "\(missing.stderr)")
        #expect(missing.stderr.contains("hint: "))
        #expect(CLIRunner.snapshot(root.appendingPathComponent("merged")) == site)
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "1/100001", "abc", "1/2/3", "-1/2", "2", ""])
    func badShardsAreUsageErrors(shard: String) throws {
        let dir = CLIRunner.temporaryDirectory("shard-usage")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["build", "--shard=\(shard)"], in: dir)
        #expect(result.status == 64, "\(shard): \(result.stderr)")
        #expect(result.stderr.contains("--shard"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("site").path))
    }

    @Test func shardWithTenantAndMergeWithoutShardsAreUsageErrors() throws {
        let dir = CLIRunner.temporaryDirectory("shard-usage")
        defer { try? FileManager.default.removeItem(at: dir) }
        let both = try CLIRunner.run(["build", "--shard", "1/2", "--tenant", "acme"], in: dir)
        #expect(both.status == 64 && both.stderr.contains("--shard and --tenant"), "\(both.stderr)")
        let none = try CLIRunner.run(["merge", "--out", "site"], in: dir)
        #expect(none.status == 64 && none.stderr.contains("name the shard folders"), "\(none.stderr)")
        let noOut = try CLIRunner.run(["merge", "a", "b"], in: dir)
        #expect(noOut.status == 64)
    }

    /// The help teaches the workflow: the 1-based K, the merge, what is refused.
    @Test func helpExplainsShardingAndMerging() throws {
        let dir = FileManager.default.temporaryDirectory
        let build = try CLIRunner.run(["build", "--help"], in: dir)
        #expect(build.stdout.contains("--shard <K/N>") && build.stdout.contains("embedsmith merge --out site shards/*"))
        let merge = try CLIRunner.run(["merge", "--help"], in: dir)
        #expect(merge.status == 0)
        for phrase in ["byte for byte", "a shard missing or given twice", "embedsmith build --shard 1/3 --out shards/1", "Exit codes"] {
            #expect(merge.stdout.contains(phrase), "merge --help lacks '\(phrase)'")
        }
    }
}
