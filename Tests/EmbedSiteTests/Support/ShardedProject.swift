@testable import EmbedSite
import Foundation

/// Builds a project whole and in shards, and merges the shards: the harness of the sharding
/// tests. Every output goes below `scratch`.
struct ShardedProject {
    let root: URL
    let scratch: URL

    /// A project of `tenants` small tenants (one or two short pages; every 5th has an asset,
    /// every 7th a second page), generated here: enough tenants for every shard of 7 to hold
    /// some, small enough for a debug build on a busy machine.
    static func generated(tenants: Int, in scratch: URL) throws -> ShardedProject {
        let root = scratch.appendingPathComponent("project")
        var files: [String: String] = [:]
        for t in 0..<tenants {
            let id = Self.tenantID(t)
            files["content/\(id)/tenant.yaml"] = "name: Tenant \(t)\nbaseURL: https://\(id).example/\n"
            files["content/\(id)/index.md"] = "---\ntitle: Welcome \(t)\n---\nHello from tenant \(t).\n"
            if t % 7 == 0 { files["content/\(id)/help.md"] = "---\ntitle: Help\n---\n## Ask\n\nWrite to us.\n" }
            if t % 5 == 0 { files["content/\(id)/assets/note.txt"] = "asset of \(t)\n" }
        }
        try TestProject.write(files, into: root)
        return ShardedProject(root: root, scratch: scratch)
    }

    /// Ids of several shapes (digits, hyphens, words), as real tenant names are.
    static func tenantID(_ t: Int) -> String {
        switch t % 3 {
        case 0: return "t\(t)"
        case 1: return "shop-\(t)-eu"
        default: return "client\(t * 7919 % 10007)"
        }
    }

    /// The sample project of the repository (content/, templates/, embedsmith.yaml).
    static func sample(in scratch: URL) -> ShardedProject {
        ShardedProject(root: TestProject.packageRoot, scratch: scratch)
    }

    func folder(_ name: String) -> URL { scratch.appendingPathComponent(name) }

    /// `settledAfter`: seconds from now the build takes for its clock (the build cache remembers
    /// only files older than 2 s; tests move the clock instead of waiting).
    @discardableResult
    func build(into name: String, shard: ShardSpec? = nil, clean: Bool = false, settledAfter: Int? = nil) -> BuildPipeline.Summary {
        var options = BuildOptions(root: root, output: folder(name), jobs: 2, clean: clean, shard: shard)
        options.clock = settledAfter.map { Int(time(nil)) + $0 }
        return BuildPipeline.run(options)
    }

    /// `build --shard K/N` for every K into `<prefix>-K`; the folders' names.
    func buildShards(_ count: Int, prefix: String) -> [String] {
        (1...count).map { index in
            let name = "\(prefix)-\(index)"
            build(into: name, shard: ShardSpec(index: index, count: count)!)
            return name
        }
    }

    func merge(_ shards: [String], into name: String) -> MergePipeline.Summary {
        MergePipeline.run(MergeOptions(output: folder(name), shards: shards.map(folder), jobs: 2), displays: shards)
    }

    func snapshot(_ name: String) -> [String: Data] { TestProject.snapshot(folder(name)) }

    func manifest(_ name: String) throws -> String {
        try String(contentsOf: folder(name).appendingPathComponent(".embedsmith/manifest.json"), encoding: .utf8)
    }

    func writeManifest(_ text: String, of name: String) throws {
        try Data(text.utf8).write(to: folder(name).appendingPathComponent(".embedsmith/manifest.json"))
    }

    /// The manifest as JSON (edited by tests to play a damaged or foreign shard).
    func manifestObject(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(manifest(name).utf8)) as? [String: Any] ?? [:]
    }

    func writeManifestObject(_ object: [String: Any], of name: String) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: folder(name).appendingPathComponent(".embedsmith/manifest.json"))
    }
}
