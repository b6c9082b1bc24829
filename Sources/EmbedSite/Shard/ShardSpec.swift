/// `--shard K/N`: this build is shard K (1-based, like Playwright's, Jest's and Vitest's
/// `--shard`) of N, and builds only the tenants `ShardAssignment` gives to K.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// A Kubernetes Indexed Job runs at most 100,000 completions; a GitHub Actions matrix 256
    /// jobs. More shards than that is a typo, not a plan.
    public static let maxCount = 100_000

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maxCount, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 <= K <= N <= `maxCount`; the error says what is wrong in words.
    public static func parse(_ text: String) -> Result<ShardSpec, ParseError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = number(parts[0]), let count = number(parts[1]) else {
            return .failure(ParseError("'\(text.debugDescription.dropFirst().dropLast())' is not K/N (two whole numbers, e.g. 2/8)"))
        }
        guard count >= 1 else { return .failure(ParseError("N must be at least 1 (in \(text))")) }
        guard count <= maxCount else { return .failure(ParseError("N is at most \(maxCount) (in \(text))")) }
        guard index >= 1 else { return .failure(ParseError("K counts from 1 (in \(text)); a Kubernetes Indexed Job's 0-based JOB_COMPLETION_INDEX needs + 1")) }
        guard index <= count else { return .failure(ParseError("K must be at most N (in \(text))")) }
        return .success(ShardSpec(index: index, count: count)!)
    }

    /// Plain decimal digits only (no sign, no spaces), at most 6 of them.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    public var description: String { "\(index)/\(count)" }

    /// True when this shard builds `tenant`.
    public func contains(tenant: String) -> Bool {
        ShardAssignment.shard(of: tenant, count: count) == index
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
