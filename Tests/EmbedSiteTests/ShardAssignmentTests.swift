@testable import EmbedSite
import Foundation
import Testing

/// The split of tenants into shards: balanced, disjoint and covering, a function of the id and
/// N alone, and moving as few tenants as possible when N grows.
struct ShardAssignmentTests {
    /// 10,000 generated ids of several shapes.
    static let ids = (0..<10_000).map(ShardedProject.tenantID) + (0..<2_000).map { "acme-\($0)" }

    /// Every shard's size within 5 standard deviations of a binomial draw (what independent
    /// uniform hashing gives: about 1 in 3.5 million per shard), for small and large N.
    @Test(arguments: [2, 3, 7, 16, 64, 256])
    func shardsAreBalanced(count: Int) {
        var sizes = [Int](repeating: 0, count: count + 1)
        for id in Set(Self.ids) { sizes[ShardAssignment.shard(of: id, count: count)] += 1 }
        #expect(sizes[0] == 0)
        let n = Double(Set(Self.ids).count), p = 1 / Double(count)
        let mean = n * p, bound = 5 * (n * p * (1 - p)).squareRoot()
        let worst = sizes.dropFirst().map { abs(Double($0) - mean) }.max() ?? 0
        #expect(worst <= bound, "N=\(count): sizes \(sizes.dropFirst().min()!)...\(sizes.dropFirst().max()!) around \(mean), allowed ±\(bound)")
        #expect(sizes.dropFirst().reduce(0, +) == Set(Self.ids).count)
    }

    /// Each id in exactly one shard: `contains` agrees with the assignment for every K.
    @Test func everyTenantIsInExactlyOneShard() {
        for count in [1, 2, 5, 7] {
            for id in Self.ids.prefix(2_000) {
                let holders = (1...count).filter { ShardSpec(index: $0, count: count)!.contains(tenant: id) }
                #expect(holders.count == 1, "\(id) in \(holders) of \(count)")
            }
        }
    }

    /// From N to N+1 shards, a tenant either stays or moves to the new shard, and about
    /// 1/(N+1) of them move: a shard's tenants under N+1 are a subset of its tenants under N.
    @Test func growingNMovesTenantsOnlyIntoTheNewShards() {
        for count in [1, 3, 7, 50] {
            var moved = 0
            for id in Self.ids {
                let before = ShardAssignment.shard(of: id, count: count), after = ShardAssignment.shard(of: id, count: count + 1)
                if before != after {
                    #expect(after == count + 1, "\(id) moved from \(before) to \(after) when N went \(count) -> \(count + 1)")
                    moved += 1
                }
            }
            let expected = Double(Self.ids.count) / Double(count + 1)
            #expect(abs(Double(moved) - expected) <= 5 * expected.squareRoot() + 1, "N=\(count): \(moved) moved, about \(expected) expected")
        }
    }

    /// The paper's published property that pins the implementation: with one bucket, all keys
    /// are in bucket 0; and the result never reaches `buckets`.
    @Test func jumpHashStaysInRange() {
        var key: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            key = key &* 6364136223846793005 &+ 1442695040888963407
            #expect(ShardAssignment.jump(key: key, buckets: 1) == 0)
            let buckets = Int(key % 100_000) + 1
            #expect((0..<buckets).contains(ShardAssignment.jump(key: key, buckets: buckets)))
        }
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "0/0", "1/100001", "abc", "", "1/", "/2", "1/2/3", " 1/2", "1/2 ", "+1/2", "-1/2", "1.0/2", "１/2", "0000001/2"])
    func badShardsAreRefusedInWords(text: String) {
        guard case .failure(let problem) = ShardSpec.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(!problem.description.isEmpty)
    }

    @Test func goodShardsParse() throws {
        #expect(try ShardSpec.parse("1/1").get() == ShardSpec(index: 1, count: 1))
        #expect(try ShardSpec.parse("7/7").get().description == "7/7")
        #expect(try ShardSpec.parse("03/100000").get() == ShardSpec(index: 3, count: 100_000))
        #expect(ShardSpec(index: 0, count: 1) == nil && ShardSpec(index: 2, count: 1) == nil && ShardSpec(index: 1, count: 100_001) == nil)
    }
}
