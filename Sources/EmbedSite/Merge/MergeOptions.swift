import Foundation

/// What `embedsmith merge` was asked to do.
public struct MergeOptions: Sendable {
    /// The site to write: empty, absent, or a site embedsmith wrote.
    public var output: URL
    /// The output folders of `build --shard K/N`, one per K, in any order.
    public var shards: [URL]
    public var jobs: Int

    public init(output: URL, shards: [URL], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.output = output.standardizedFileURL
        self.shards = shards.map(\.standardizedFileURL)
        self.jobs = max(1, jobs)
    }
}
