import EmbedConfig
import EmbedCore
import Foundation

/// The second phase: key every input, and render the tenants whose key changed into a staging
/// folder beside the output.
extension BuildStep {
    /// The build key, what the previous build wrote, and a staging folder beside the output.
    static let prepareStaging = BuildStep(name: "prepare the staging folder") { build in
        let options = build.options
        build.buildKey = build.templates.buildKey(dev: options.dev, stubVendors: options.stubVendors)
        build.shardRecord = options.shard.map {
            ShardRecord(spec: $0, inputsKey: ShardRecord.inputsKey(buildKey: build.buildKey, settings: build.settings),
                        contentKey: ShardRecord.contentKey(tenants: build.scanned.folders))
        }
        let previous = build.previousManifest.value
        build.previous = previous
        build.building = Set(build.tenants.map(\.id))
        build.kept = options.tenants.isEmpty ? [] : previous.tenants.subtracting(build.building)
        build.previousTenants = previous.tenants.union(previous.tenantKeys.keys)
        // A rebuild of a site we wrote leaves unchanged tenants where they are and swaps in the
        // changed ones (work in proportion to the change); a first or --clean build swaps the
        // whole folder.
        build.inPlace = !options.clean && FileManager.default.fileExists(atPath: options.output.path + "/" + OutputStaging.manifestPath)
        build.staging = OutputStaging(output: options.output)
        do {
            if let refusal = try build.staging.prepare(root: options.root) { return build.fail(.usage, [refusal]) }
        } catch {
            return build.fail(.ioFailure, [.error(.ioWrite, "cannot prepare the output folder '\(options.output.path)': something in its path is not a writable folder")])
        }
        return nil
    }

    /// One pass, a tenant at a time on each core: read its inputs, key them by all the output
    /// depends on, and render the tenant into the staging folder only if its key changed.
    /// Its bytes are dropped when it is done: memory holds hashes, never the whole content.
    static let buildTenants = BuildStep(name: "build tenants") { build in
        let statCache = build.statCache, previous: PreviousManifest = build.previous
        let buildKey = build.buildKey, settings: BuildSettings = build.settings, now = build.now
        let templates: TemplateSet = build.templates, staging: OutputStaging = build.staging
        let dev = build.options.dev, stubVendors = build.options.stubVendors, inPlace = build.inPlace
        let shared = SharedAssets(templates: templates)
        build.results = ParallelMap.map(build.tenants, jobs: build.options.jobs) { source -> BuildRun.TenantOutcome in
            let cached = statCache.entry(for: source.id)
            let previousKey = previous.tenantKeys[source.id]
            let inputs = TenantInputs.read(source, buildKey: buildKey, limits: settings, cached: cached, previousKey: previousKey, now: now)
            let builder = TenantBuilder(inputs: inputs, templates: templates, shared: shared, staging: staging, dev: dev,
                                        stubVendors: stubVendors)
            let isUnchanged = previousKey == inputs.key && inputs.diagnostics.isEmpty
            return BuildRun.TenantOutcome(result: isUnchanged ? builder.reuse(previous: previous, carryOver: !inPlace) : builder.build(),
                                          key: inputs.key, cacheEntry: inputs.cacheEntry, cacheEntryChanged: inputs.cacheEntry != cached)
        }
        build.unchanged = Set(zip(build.tenants, build.results).filter { $0.1.result.reused }.map(\.0.id))
        return nil
    }
}
