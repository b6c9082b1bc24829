import EmbedCore

/// Whether shard outputs belong together: one tool version, one set of inputs, one N, each K
/// from 1 to N exactly once, each tenant in exactly the shard the assignment gives it, and
/// together exactly the tenants of the `content/` they were built from. Anything else would
/// publish a site that no single build writes, so `merge` refuses it (exit 65).
enum ShardSetCheck {
    static func refusals(_ shards: [ShardOutput]) -> [Diagnostic] {
        guard let first = shards.first else { return [] }
        let named = { (shard: ShardOutput) in "'\(shard.display)' (shard \(shard.record.spec))" }

        // Another tool version writes other bytes: nothing else about the shards can be compared.
        if let other = shards.first(where: { $0.manifest.generator != first.manifest.generator }) {
            return [.error(.mergeToolVersion, "\(named(other)) was built by \(other.manifest.generator ?? "an unknown tool"), \(named(first)) by \(first.manifest.generator ?? "an unknown tool")",
                           hint: "build every shard with the same embedsmith")]
        }
        var refusals: [Diagnostic] = []
        for other in shards where other.record.inputsKey != first.record.inputsKey
            || sharedInputs(other) != sharedInputs(first) {
            refusals.append(.error(.mergeInputsDiffer, "\(named(other)) was built from other inputs than \(named(first)): templates, embedsmith.yaml build settings or --dev differ",
                                   hint: "build every shard from the same commit with the same options"))
        }
        let counts = Set(shards.map(\.record.spec.count))
        if counts.count > 1 {
            let listed = shards.map { named($0) }.joined(separator: ", ")
            refusals.append(.error(.mergeShardCount, "the shards were built with different N: \(listed)",
                                   hint: "build every shard with the same --shard K/N total"))
            return refusals
        }
        let count = first.record.spec.count
        var byIndex: [Int: [ShardOutput]] = [:]
        for shard in shards { byIndex[shard.record.spec.index, default: []].append(shard) }
        for index in byIndex.keys.sorted() where byIndex[index]!.count > 1 {
            refusals.append(.error(.mergeShardDuplicate, "shard \(index)/\(count) is given \(byIndex[index]!.count) times: \(byIndex[index]!.map { "'\($0.display)'" }.joined(separator: ", "))",
                                   hint: "pass each shard's folder once"))
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let shown = missing.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ") + (missing.count > 10 ? " and \(missing.count - 10) more" : "")
            refusals.append(.error(.mergeShardMissing, "\(missing.count == 1 ? "shard" : "shards") \(shown) \(missing.count == 1 ? "is" : "are") missing: a merged site needs all \(count)",
                                   hint: "pass the output folder of every shard, 1/\(count) to \(count)/\(count)"))
        }
        // A shard given twice overlaps itself tenant by tenant: that was said once above.
        if refusals.isEmpty { refusals += tenantRefusals(shards) }
        for other in shards where other.record.contentKey != first.record.contentKey {
            refusals.append(.error(.mergeContentDiffers, "\(named(other)) saw other tenant folders in content/ than \(named(first))",
                                   hint: "build every shard from the same checkout of content/"))
        }
        // All shards there, none twice, every tenant in its place: together they must hold
        // every tenant folder their content/ had.
        if refusals.isEmpty, ShardRecord.contentKey(tenants: shards.flatMap(\.tenants)) != first.record.contentKey {
            refusals.append(.error(.mergeContentDiffers, "the shards' tenants are not the tenant folders of the content/ they were built from",
                                   hint: "build every shard from the same checkout of content/"))
        }
        return refusals
    }

    /// The template entries as the manifest writes them, however they were read (a run of
    /// lines, or an entry at a time from a manifest that had to be parsed as JSON).
    private static func sharedInputs(_ shard: ShardOutput) -> [UInt8] {
        let chunks = shard.manifest.sharedInputChunks.sorted { $0.firstKey < $1.firstKey }
        return Array(chunks.map { Array($0.lines) }.joined(separator: Array(ManifestChunk.separator.utf8)))
    }

    /// A tenant in two shards, or in a shard the assignment does not give it.
    private static func tenantRefusals(_ shards: [ShardOutput]) -> [Diagnostic] {
        var refusals: [Diagnostic] = []
        var owner: [String: ShardOutput] = [:]
        var reported = 0
        for shard in shards {
            for tenant in shard.tenants {
                if let first = owner[tenant] {
                    if reported < 20 {
                        refusals.append(.error(.mergeTenantOverlap, "tenant '\(tenant)' is in both '\(first.display)' (shard \(first.record.spec)) and '\(shard.display)' (shard \(shard.record.spec))",
                                               hint: "each tenant belongs to one shard: rebuild the shards with the same embedsmith and N"))
                    }
                    reported += 1
                    continue
                }
                owner[tenant] = shard
                if ShardAssignment.shard(of: tenant, count: shard.record.spec.count) != shard.record.spec.index {
                    if reported < 20 {
                        refusals.append(.error(.mergeTenantOverlap, "tenant '\(tenant)' is in '\(shard.display)' (shard \(shard.record.spec)) but belongs to shard \(ShardAssignment.shard(of: tenant, count: shard.record.spec.count))/\(shard.record.spec.count)",
                                               hint: "rebuild that shard with this embedsmith"))
                    }
                    reported += 1
                }
            }
        }
        if reported > 20 { refusals.append(.error(.mergeTenantOverlap, "and \(reported - 20) more tenants in the wrong shard or in two")) }
        return refusals
    }
}
