import ArgumentParser
import EmbedCore
import EmbedSite
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the outputs of 'build --shard 1/N' ... 'N/N' into one site.",
        discussion: """
        Each shard folder is the --out of 'embedsmith build --shard K/N'. The merged
        site is byte for byte what one build of all tenants writes, manifest
        included (the shards' records are left out). It is assembled beside --out
        and swapped into place in one step, as 'build' publishes: a failed merge
        leaves the previous site as it was. Files are hard-linked from the shard
        folders when they are on the same file system, copied otherwise.

        Refused, before anything is written (exit 65): a folder that is not a
        shard's output; shards built by different embedsmith versions, or from
        other templates, embedsmith.yaml build settings or --dev; shards of
        different N; a shard missing or given twice; a tenant in two shards or in
        the wrong one; shards that saw different tenant folders in content/.

        Examples:
          embedsmith build --shard 1/3 --out shards/1    # on three machines,
          embedsmith build --shard 2/3 --out shards/2    # or three CI jobs
          embedsmith build --shard 3/3 --out shards/3
          embedsmith merge --out site shards/1 shards/2 shards/3

        Exit codes: 0 merged; 65 shards that do not make one site; 74 I/O failure
        (or another build or merge writing --out); 64 usage (including an --out
        that is neither a site embedsmith wrote nor an empty folder, or that holds
        or lies inside a shard folder).
        """)

    @Option(name: .long, help: ArgumentHelp("The site to write: absent, empty, or a site embedsmith wrote.", valueName: "dir"))
    var out: String

    @Argument(help: ArgumentHelp("The output folders of the N shards, in any order.", valueName: "shard-dir"))
    var shards: [String] = []

    @Option(name: .long, help: ArgumentHelp("Tenant folders copied in parallel (default: number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print nothing but diagnostics.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if shards.isEmpty { throw ValidationError("name the shard folders to merge, e.g. embedsmith merge --out site shards/*") }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let options = MergeOptions(output: URL(fileURLWithPath: out, relativeTo: cwd),
                                   shards: shards.map { URL(fileURLWithPath: $0, relativeTo: cwd) }, jobs: jobs)
        let start = Date()
        let summary = MergePipeline.run(options, displays: shards)
        try DiagnosticPrinter.finish(summary.diagnostics, succeeded: summary.succeeded, status: summary.exitStatus,
                                     failure: "merge failed; \(out) was left as it was")
        if !quiet {
            let seconds = DiagnosticPrinter.seconds(since: start)
            print("merged \(summary.tenantCount) tenant\(summary.tenantCount == 1 ? "" : "s") from \(summary.shardCount) shard\(summary.shardCount == 1 ? "" : "s") into \(out)/ in \(seconds) s")
        }
    }
}
