import ArgumentParser
import EmbedCore
import EmbedSite
import EmbedVendors
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every tenant (or the named ones) from content/ and templates/ into site/.",
        discussion: """
        Each content/<tenant>/ folder holds tenant.yaml, Markdown pages and assets/.
        Pages are rendered into a staging folder and published only when every
        tenant built: a failed build leaves the previous site complete.

        Builds are incremental: a tenant whose inputs (tenant.yaml, pages, assets,
        templates, tool version) are unchanged since the last build is left as it
        is, and each changed tenant's folder is swapped in at once. --clean
        renders everything again.

        Examples:
          embedsmith build
          embedsmith build --tenant acme --tenant globex
          embedsmith build --root ~/support-sites --out /srv/www --jobs 4
          embedsmith build --shard 2/8 --out shards/2   # one of 8 CI jobs; then
          embedsmith merge --out site shards/*

        Sharding (--shard K/N, K from 1 to N, as Playwright, Jest and Vitest count):
        builds only the tenants of shard K, a split that depends on nothing but each
        tenant's name and N, so every machine of a CI matrix computes the same one
        and a tenant never changes shard because another was added or removed.
        The output is a complete folder for those tenants whose manifest records
        K/N and the inputs (tool version, templates, settings). 'embedsmith merge'
        joins the N folders into the site one build of all tenants writes. A shard
        rebuilt into its previous --out is incremental like any build. Changing N
        moves tenants between shards: build all N again before merging.

        Tenant folders are untrusted: symbolic links, FIFOs and devices in them are
        refused, not followed or opened; assets are limited in size (build.limits in
        embedsmith.yaml beside content/: assetBytes, default 50 MiB; tenantBytes,
        default 500 MiB).

        Exit codes: 0 built; 65 invalid config, content or template; 74 I/O failure;
        64 usage (including an --out that is neither a site embedsmith wrote nor an
        empty folder).
        """)

    @Option(name: .long, help: ArgumentHelp("Project folder with content/ and templates/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Output folder (default: <root>/site).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Build only this tenant; repeat for several. Other tenants keep their previous output.", valueName: "id"))
    var tenant: [String] = []

    @Option(name: .long, help: ArgumentHelp("Tenants built in parallel (default: number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Build only shard K of N (1-based; at most \(ShardSpec.maxCount) shards); merge the N outputs with 'embedsmith merge'.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: "Allow http://127.0.0.1 and http://localhost URLs, for local testing against stub apps.")
    var dev = false

    /// Hidden: `serve --stub-vendors` sets this itself; here for the browser tests of stub builds.
    @Option(name: .customLong("stub-vendors"), help: ArgumentHelp(
        "Point vendor URLs at the simulated vendor apps on this loopback origin (http://127.0.0.1:PORT).",
        valueName: "origin", visibility: .hidden))
    var stubVendors: String?

    @Flag(help: "Ignore the previous build's manifest and render every tenant again.")
    var clean = false

    @Flag(name: .shortAndLong, help: "Print nothing but diagnostics.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let stubVendors, VendorStubOrigin(stubVendors) == nil {
            throw ValidationError("--stub-vendors must be a loopback origin such as http://127.0.0.1:8802 (no path)")
        }
        if let shard {
            if case .failure(let problem) = ShardSpec.parse(shard) { throw ValidationError("--shard: \(problem)") }
            if !tenant.isEmpty { throw ValidationError("--shard and --tenant do not go together: a shard builds the tenants its K/N gives it") }
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let rootURL = URL(fileURLWithPath: root, relativeTo: cwd)
        let outURL = out.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        let shardSpec = shard.flatMap { try? ShardSpec.parse($0).get() }
        var options = BuildOptions(root: rootURL, output: outURL, tenants: tenant, jobs: jobs, dev: dev, clean: clean, shard: shardSpec)
        options.stubVendors = stubVendors.flatMap(VendorStubOrigin.init)
        let displayRoot = root == "." || root == "./" ? "" : (root.hasSuffix("/") ? String(root.dropLast()) : root)
        let start = Date()
        let summary = BuildPipeline.run(options, displayRoot: displayRoot)
        try DiagnosticPrinter.finish(summary.diagnostics, succeeded: summary.succeeded, status: summary.exitStatus,
                                     failure: "build failed; the previous site was left as it was")
        if !quiet {
            let seconds = DiagnosticPrinter.seconds(since: start)
            let outPath = out ?? (displayRoot.isEmpty ? "site" : "\(displayRoot)/site")
            let rendered = summary.tenantCount - summary.tenantsReused
            var line = "built \(summary.pageCount) page\(summary.pageCount == 1 ? "" : "s") of \(rendered) tenant\(rendered == 1 ? "" : "s") into \(outPath)/ in \(seconds) s"
            if summary.tenantsReused > 0 { line += " (\(summary.tenantsReused) unchanged tenant\(summary.tenantsReused == 1 ? "" : "s") kept)" }
            if let shardSpec { line += "; shard \(shardSpec)" }
            if !summary.wroteOutput { line = "nothing changed: \(outPath)/ is up to date (\(seconds) s)" }
            print(line)
        }
    }
}
