import EmbedCore
import Foundation

/// `embedsmith merge`: joins the outputs of `build --shard 1/N` ... `N/N` into the site a single
/// build of all tenants writes, byte for byte, manifest included. The shards are checked
/// (`ShardSetCheck`) before anything is written; the site is assembled in a staging folder and
/// swapped into place in one step, under the output's lock, as `build` publishes.
public enum MergePipeline {
    public struct Summary: Sendable {
        public var diagnostics: [Diagnostic]
        public var tenantCount = 0
        public var shardCount = 0
        public var succeeded = false
        /// 0, 64 (an --out that may not be replaced), 65 (shards that do not belong together) or 74 (I/O).
        public var exitStatus: ExitStatus
    }

    /// `displays`: the shard folders as the user wrote them, for messages (default: their paths).
    public static func run(_ options: MergeOptions, displays: [String]? = nil) -> Summary {
        let output = RealOutputFolder.resolve(options.output)
        let displays = displays ?? options.shards.map(\.path)
        func fail(_ status: ExitStatus, _ diagnostics: [Diagnostic]) -> Summary {
            Summary(diagnostics: diagnostics.sortedForOutput(), exitStatus: status)
        }
        // The site replaces --out: it must not hold a shard, nor sit inside one.
        for (shard, display) in zip(options.shards, displays) {
            let real = RealOutputFolder.realPath(shard.path) ?? shard.path
            if real == output.path || real.hasPrefix(output.path + "/") || output.path.hasPrefix(real + "/") {
                return fail(.usage, [.error(.outputUnsafe, "the output folder '\(output.path)' and the shard '\(display)' are one inside the other; merge into a folder of its own",
                                             hint: "for example: embedsmith merge --out site shards/*")])
            }
        }
        let lock: OutputLock
        switch OutputLock.acquire(for: output) {
        case .success(let taken): lock = taken
        case .failure(let busy): return fail(.ioFailure, [busy])
        }
        defer { withExtendedLifetime(lock) {} }

        var shards: [ShardOutput] = []
        var refusals: [Diagnostic] = []
        for (folder, display) in zip(options.shards, displays) {
            switch ShardOutput.read(folder, display: display) {
            case .success(let shard): shards.append(shard)
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        if refusals.isEmpty { refusals = ShardSetCheck.refusals(shards) }
        guard refusals.isEmpty else { return fail(.invalidInput, refusals) }

        let staging = OutputStaging(output: output)
        do {
            if let refusal = try staging.prepare(root: URL(fileURLWithPath: shards[0].path)) { return fail(.usage, [refusal]) }
        } catch {
            return fail(.ioFailure, [.error(.ioWrite, "cannot prepare the output folder '\(output.path)': something in its path is not a writable folder")])
        }
        let work = shards.flatMap { shard in shard.tenants.map { (shard: shard.path, display: shard.display, tenant: $0) } }
        let failures = ParallelMap.map(work, jobs: options.jobs) { item -> Diagnostic? in
            do throws(ShardTreeCopy.Failure) {
                try ShardTreeCopy.copy(tenantFolder: item.shard + "/" + item.tenant, to: staging.staging.path + "/" + item.tenant)
                return nil
            } catch {
                switch error {
                case .notBuildOutput(let path):
                    let shown = path.isEmpty ? item.tenant : item.tenant + "/" + path.debugDescription.dropFirst().dropLast()
                    return .error(.mergeNotShard, "'\(item.display)/\(shown)' is not a folder or a regular file; embedsmith build writes nothing else",
                                  hint: "rebuild the shard, or copy it without links")
                case .system(let code, let path):
                    if code == ENOENT && path == item.shard + "/" + item.tenant {
                        return .error(.mergeNotShard, "'\(item.display)' has no folder for its tenant '\(item.tenant)': the shard is incomplete",
                                      hint: "rebuild the shard")
                    }
                    return .error(.ioRead, "cannot copy '\(path)' into the merged site: \(String(cString: strerror(code)))")
                }
            }
        }.compactMap { $0 }
        if !failures.isEmpty {
            staging.abandon()
            let ioOnly = failures.allSatisfy { $0.code.hasPrefix("io-") }
            return fail(ioOnly ? .ioFailure : .invalidInput, failures)
        }

        // The single build's manifest: the same chunks, no shard record.
        var manifest = Manifest()
        manifest.inputChunks = shards[0].manifest.sharedInputChunks
        for shard in shards {
            for tenant in shard.tenants {
                if let chunk = shard.manifest.inputs(of: tenant) { manifest.inputChunks.append(chunk) }
                if let chunk = shard.manifest.outputs(of: tenant) { manifest.outputChunks.append(chunk) }
                manifest.tenantKeys[tenant] = shard.manifest.tenantKeys[tenant]
            }
        }
        do {
            try staging.write(manifest.encodedBytes(), to: OutputStaging.manifestPath)
            try staging.commit(jobs: options.jobs)
        } catch {
            staging.abandon()
            return fail(.ioFailure, [.error(.ioWrite, "cannot write the site: \(error.localizedDescription)")])
        }
        return Summary(diagnostics: [], tenantCount: work.count, shardCount: shards.count, succeeded: true, exitStatus: .success)
    }
}
