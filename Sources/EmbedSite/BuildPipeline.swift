import EmbedConfig
import EmbedCore
import Foundation

/// `embedsmith build`: load templates → scan content → build tenants in parallel → write the
/// manifest → swap the staging folder into place. Any error anywhere leaves the old site as it was.
public enum BuildPipeline {
    public struct Summary: Sendable {
        public var diagnostics: [Diagnostic]
        public var tenantCount: Int
        public var pageCount: Int
        public var succeeded: Bool
        /// 0, 65 (invalid input) or 74 (I/O).
        public var exitStatus: ExitStatus
        /// Tenants whose inputs were unchanged: their previous output was kept, nothing rendered.
        public var tenantsReused = 0
        /// False when nothing changed and the output folder was left untouched.
        public var wroteOutput = false
    }

    public static func run(_ requested: BuildOptions, displayRoot: String = "") -> Summary {
        var diagnostics: [Diagnostic] = []
        // Everything about the output hangs off its real path: two spellings are one folder.
        let options = requested.with(output: RealOutputFolder.resolve(requested.output))
        func fail(_ status: ExitStatus, _ extra: [Diagnostic] = []) -> Summary {
            Summary(diagnostics: (diagnostics + extra).sortedForOutput(), tenantCount: 0, pageCount: 0, succeeded: false, exitStatus: status)
        }
        // From here on this build owns the output folder (and its staging folders).
        let lock: OutputLock
        switch OutputLock.acquire(for: options.output) {
        case .success(let taken): lock = taken
        case .failure(let busy): return fail(.ioFailure, [busy])
        }
        defer { withExtendedLifetime(lock) {} }

        // The previous build's manifest (read under the lock) is read while the templates and
        // the content are scanned; the scan itself uses the stat cache's folder layouts.
        let contentRoot = options.root.appendingPathComponent("content").standardizedFileURL.resolvingSymlinksInPath().path
        let statCachePath = InputStatCache.path(forOutput: options.output)
        let previousManifest = BackgroundWork { [options] in
            options.clean ? PreviousManifest() : PreviousManifest.read(options.output)
        }
        let statCache = options.clean ? InputStatCache() : InputStatCache.read(statCachePath, contentRoot: contentRoot)
        let now = options.clock ?? Int(time(nil))

        let (settings, settingsDiagnostics) = BuildSettingsFile.load(root: options.root, displayRoot: displayRoot)
        diagnostics += settingsDiagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(root: options.root, displayRoot: displayRoot)
        diagnostics += templateDiagnostics
        let scanned: (tenants: [TenantSource], diagnostics: [Diagnostic], folders: [String])
        do {
            // A shard walks only its own tenants' folders; content/ itself is listed whole.
            let shard = options.shard
            scanned = try ContentScanner.scan(root: options.root, displayRoot: displayRoot, jobs: options.jobs,
                                              cache: statCache, now: now, selecting: { shard?.contains(tenant: $0) ?? true })
        } catch {
            return fail(.ioFailure, [.error("io-read", "cannot read content/: \(error.localizedDescription)")])
        }
        var tenants = scanned.tenants
        if !options.tenants.isEmpty {
            let known = Set(tenants.map(\.id))
            for name in options.tenants where !known.contains(name) {
                var message = "no tenant '\(name)' in content/"
                if let guess = Suggestion.closest(to: name, in: Array(known)) { message += " (did you mean '\(guess)'?)" }
                diagnostics.append(.error("tenant-unknown", message))
            }
            tenants = tenants.filter { options.tenants.contains($0.id) }
        }
        // Settings, templates and names are the whole build's: no tenant can build without them.
        if diagnostics.hasErrors { return fail(.invalidInput) }
        // A tenant's refused files are its own errors: the other tenants are still built (into
        // the staging folder, dropped at the end), so every tenant's errors are listed together.
        diagnostics += scanned.diagnostics

        let buildKey = templates.buildKey(dev: options.dev, stubVendors: options.stubVendors)
        let shardRecord = options.shard.map {
            ShardRecord(spec: $0, inputsKey: ShardRecord.inputsKey(buildKey: buildKey, settings: settings),
                        contentKey: ShardRecord.contentKey(tenants: scanned.folders))
        }
        let previous = previousManifest.value
        let building = Set(tenants.map(\.id))
        // Tenants this build does not look at (--tenant) keep their previous output.
        let kept = options.tenants.isEmpty ? Set<String>() : previous.tenants.subtracting(building)
        let previousTenants = previous.tenants.union(previous.tenantKeys.keys)
        // A rebuild of a site we wrote leaves unchanged tenants where they are and swaps in the
        // changed ones (work in proportion to the change); a first or --clean build swaps the
        // whole folder.
        let inPlace = !options.clean && FileManager.default.fileExists(atPath: options.output.path + "/" + OutputStaging.manifestPath)
        let staging = OutputStaging(output: options.output)
        do {
            if let refusal = try staging.prepare(root: options.root) { return fail(.usage, [refusal]) }
        } catch {
            return fail(.ioFailure, [.error("io-write", "cannot prepare the output folder '\(options.output.path)': something in its path is not a writable folder")])
        }

        // One pass, a tenant at a time on each core: read its inputs, key them by all the output
        // depends on, and render the tenant into the staging folder only if its key changed.
        // Its bytes are dropped when it is done: memory holds hashes, never the whole content.
        let shared = SharedAssets(templates: templates)
        let results = ParallelMap.map(tenants, jobs: options.jobs)
            { source -> (result: TenantBuilder.Result, key: String, cacheEntry: InputStatCache.Entry?, cacheEntryChanged: Bool) in
            let cached = statCache.entry(for: source.id)
            let previousKey = previous.tenantKeys[source.id]
            let inputs = TenantInputs.read(source, buildKey: buildKey, limits: settings, cached: cached, previousKey: previousKey, now: now)
            let builder = TenantBuilder(inputs: inputs, templates: templates, shared: shared, staging: staging, dev: options.dev,
                                        stubVendors: options.stubVendors)
            let isUnchanged = previousKey == inputs.key && inputs.diagnostics.isEmpty
            return (isUnchanged ? builder.reuse(previous: previous, carryOver: !inPlace) : builder.build(), inputs.key,
                    inputs.cacheEntry, inputs.cacheEntry != cached)
        }
        // The stat cache is rewritten only when an entry changed (each tenant's compared by
        // the thread that built it: most are the ones just read).
        var nextStatCache = statCache
        var statCacheChanged = false
        for (source, result) in zip(tenants, results) where result.cacheEntryChanged {
            nextStatCache.setEntry(result.cacheEntry, for: source.id)
            statCacheChanged = true
        }
        for source in scanned.tenants where !source.layoutFromCache && statCache.layout(for: source.id) != source.layout {
            nextStatCache.setLayout(source.layout, for: source.id)
            statCacheChanged = true
        }
        if options.tenants.isEmpty {
            let present = Set(scanned.tenants.map(\.id))
            if !statCache.ids.isSubset(of: present) {
                nextStatCache.keep(only: present)
                statCacheChanged = true
            }
        }
        // Written only by a build that succeeds: a failed build leaves everything beside the
        // output as it was. It is a hint: without it, files are read.
        func saveStatCache() {
            if statCacheChanged { try? nextStatCache.write(to: statCachePath, contentRoot: contentRoot) }
        }
        let unchanged = Set(zip(tenants, results).filter { $0.1.result.reused }.map(\.0.id))

        // Nothing changed and nothing was deleted: the site is already what this build would write.
        if inPlace, unchanged == building, previousTenants == building.union(kept), previous.shard == shardRecord, !diagnostics.hasErrors {
            staging.abandon()
            saveStatCache()
            return Summary(diagnostics: diagnostics.sortedForOutput(), tenantCount: tenants.count, pageCount: 0,
                           succeeded: true, exitStatus: .success, tenantsReused: unchanged.count, wroteOutput: false)
        }

        var manifest = Manifest()
        manifest.shard = shardRecord
        var pages = 0
        var reused = 0
        for (source, (result, key, _, _)) in zip(tenants, results) {
            diagnostics += result.diagnostics
            if let chunk = result.inputs { manifest.inputChunks.append(chunk) }
            if let chunk = result.outputs { manifest.outputChunks.append(chunk) }
            manifest.tenantKeys[source.id] = key
            pages += result.pageCount
            if result.reused { reused += 1 }
        }
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
        if diagnostics.hasErrors {
            staging.abandon()
            let ioOnly = diagnostics.filter { $0.severity == .error }.allSatisfy { $0.code.hasPrefix("io-") }
            return fail(ioOnly ? .ioFailure : .invalidInput)
        }
        saveStatCache()
        do {
            for tenant in kept.sorted() {
                if !inPlace { try staging.keep(tenant: tenant) }
                if let chunk = previous.inputs(of: tenant) { manifest.inputChunks.append(chunk) }
                if let chunk = previous.outputs(of: tenant) { manifest.outputChunks.append(chunk) }
                if let key = previous.tenantKeys[tenant] { manifest.tenantKeys[tenant] = key }
            }
            for (path, text) in templates.fileHashesForManifest { manifest.inputs[path] = text }
            try staging.write(manifest.encodedBytes(), to: OutputStaging.manifestPath)
            if inPlace {
                let changed = tenants.map(\.id).filter { !unchanged.contains($0) }
                let deleted = previousTenants.subtracting(building).subtracting(kept)
                try staging.commitTenants(changed: changed, deleted: deleted.sorted(), jobs: options.jobs)
            } else {
                try staging.commit(jobs: options.jobs)
            }
        } catch {
            staging.abandon()
            return fail(.ioFailure, [.error("io-write", "cannot write the site: \(error.localizedDescription)")])
        }
        return Summary(diagnostics: diagnostics.sortedForOutput(), tenantCount: tenants.count, pageCount: pages,
                       succeeded: true, exitStatus: .success, tenantsReused: reused, wroteOutput: true)
    }
}
