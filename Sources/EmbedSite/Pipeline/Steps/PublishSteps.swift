import EmbedCore
import Foundation

/// The last phase: remember the inputs' stamps, write the manifest, and swap the staging folder
/// (or each changed tenant's folder) into place.
extension BuildStep {
    /// The stat cache is rewritten only when an entry changed (each tenant's compared by the
    /// thread that built it: most are the ones just read). Saved by the steps that succeed.
    static let updateStatCache = BuildStep(name: "update the stat cache") { build in
        build.nextStatCache = build.statCache
        for (source, outcome) in zip(build.tenants, build.results) where outcome.cacheEntryChanged {
            build.nextStatCache.setEntry(outcome.cacheEntry, for: source.id)
            build.statCacheChanged = true
        }
        for source in build.scanned.tenants where !source.layoutFromCache && build.statCache.layout(for: source.id) != source.layout {
            build.nextStatCache.setLayout(source.layout, for: source.id)
            build.statCacheChanged = true
        }
        if build.options.tenants.isEmpty {
            let present = Set(build.scanned.tenants.map(\.id))
            if !build.statCache.ids.isSubset(of: present) {
                build.nextStatCache.keep(only: present)
                build.statCacheChanged = true
            }
        }
        return nil
    }

    /// Nothing changed and nothing was deleted: the site is already what this build would write.
    static let stopIfUnchanged = BuildStep(name: "stop if nothing changed") { build in
        guard build.inPlace, build.unchanged == build.building, build.previousTenants == build.building.union(build.kept),
              build.previous.shard == build.shardRecord, !build.diagnostics.hasErrors else { return nil }
        build.staging.abandon()
        build.saveStatCache()
        return BuildPipeline.Summary(diagnostics: build.diagnostics.sortedForOutput(), tenantCount: build.tenants.count, pageCount: 0,
                                     succeeded: true, exitStatus: .success, tenantsReused: build.unchanged.count, wroteOutput: false)
    }

    /// Every tenant's diagnostics and manifest chunks, in tenant order; any error ends the
    /// build here (the staging folder is dropped, the old site untouched).
    static let assembleManifest = BuildStep(name: "assemble the manifest") { build in
        build.manifest.shard = build.shardRecord
        for (source, outcome) in zip(build.tenants, build.results) {
            build.diagnostics += outcome.result.diagnostics
            if let chunk = outcome.result.inputs { build.manifest.inputChunks.append(chunk) }
            if let chunk = outcome.result.outputs { build.manifest.outputChunks.append(chunk) }
            build.manifest.tenantKeys[source.id] = outcome.key
            build.pageCount += outcome.result.pageCount
            if outcome.result.reused { build.reusedCount += 1 }
        }
        var seen = Set<String>()
        build.diagnostics = build.diagnostics.filter { seen.insert($0.description).inserted }
        if build.diagnostics.hasErrors {
            build.staging.abandon()
            let ioOnly = build.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.code.hasPrefix("io-") }
            return build.fail(ioOnly ? .ioFailure : .invalidInput)
        }
        return nil
    }

    /// The kept tenants' entries and the templates' hashes join the manifest; it is written,
    /// and the staging folder (or each changed tenant's folder) swapped into place.
    static let publish = BuildStep(name: "publish") { build in
        build.saveStatCache()
        let previous: PreviousManifest = build.previous, staging: OutputStaging = build.staging
        do {
            for tenant in build.kept.sorted() {
                if !build.inPlace { try staging.keep(tenant: tenant) }
                if let chunk = previous.inputs(of: tenant) { build.manifest.inputChunks.append(chunk) }
                if let chunk = previous.outputs(of: tenant) { build.manifest.outputChunks.append(chunk) }
                if let key = previous.tenantKeys[tenant] { build.manifest.tenantKeys[tenant] = key }
            }
            for (path, text) in build.templates.fileHashesForManifest { build.manifest.inputs[path] = text }
            try staging.write(build.manifest.encodedBytes(), to: OutputStaging.manifestPath)
            if build.inPlace {
                let changed = build.tenants.map(\.id).filter { !build.unchanged.contains($0) }
                let deleted = build.previousTenants.subtracting(build.building).subtracting(build.kept)
                try staging.commitTenants(changed: changed, deleted: deleted.sorted(), jobs: build.options.jobs)
            } else {
                try staging.commit(jobs: build.options.jobs)
            }
        } catch {
            staging.abandon()
            return build.fail(.ioFailure, [.error(.ioWrite, "cannot write the site: \(error.localizedDescription)")])
        }
        return nil
    }
}
