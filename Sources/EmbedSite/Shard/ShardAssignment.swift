import EmbedCore

/// Which of N shards builds a tenant: a pure function of the tenant id and N, so a tenant never
/// moves because another tenant appeared or left, and every machine of a CI matrix computes the
/// same split without talking to the others.
///
/// Jump consistent hash (Lamport and Veach, 2014) of the first 8 bytes of the id's SHA-256:
/// buckets are filled evenly (a binomial spread around count/N), it takes O(log N) steps and no
/// table, and when N grows to M only the tenants that must move do, about (M-N)/M of them, all
/// into the new shards N+1...M (a shard's tenants under M are a subset of its tenants under N).
enum ShardAssignment {
    /// The 1-based shard of `tenant` among `count`.
    static func shard(of tenant: String, count: Int) -> Int {
        jump(key: key(of: tenant), buckets: count) + 1
    }

    /// The first 8 bytes of SHA-256(id), big-endian.
    static func key(of tenant: String) -> UInt64 {
        let hex = ContentHash.sha256Hex(tenant).utf8.prefix(16)
        var key: UInt64 = 0
        for digit in hex {
            key = key << 4 | UInt64(digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10)
        }
        return key
    }

    /// The 0-based bucket in 0..<buckets (the paper's algorithm, as published).
    static func jump(key: UInt64, buckets: Int) -> Int {
        var key = key
        var bucket: Int64 = -1
        var next: Int64 = 0
        while next < Int64(buckets) {
            bucket = next
            key = key &* 2862933555777941757 &+ 1
            next = Int64(Double(bucket + 1) * (Double(Int64(1) << 31) / Double((key >> 33) + 1)))
        }
        return Int(bucket)
    }
}
