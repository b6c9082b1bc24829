import EmbedVendors
import Foundation

/// What `embedsmith build` was asked to do.
public struct BuildOptions: Sendable {
    /// Project folder holding `content/` and optionally `templates/`.
    public var root: URL
    /// Output folder; default `<root>/site`.
    public var output: URL
    /// Only these tenants (all when empty). Other tenants' output is kept as it was.
    public var tenants: [String]
    public var jobs: Int
    /// Accept loopback http URLs (local testing against stub apps).
    public var dev: Bool
    /// `serve --stub-vendors`: build every tenant with its vendor URLs pointed at the simulated
    /// vendor apps on this loopback origin (`VendorStubOrigin`). Part of the build key.
    public var stubVendors: VendorStubOrigin? = nil
    /// Ignore the previous manifest: render every tenant.
    public var clean: Bool
    /// Build only this shard's tenants (`ShardAssignment`), and record the shard in the manifest.
    public var shard: ShardSpec?
    /// The time (seconds since 1970) that decides which input files have settled enough for
    /// the stat cache (`InputStatCache`); nil is now. Tests move it forward instead of waiting.
    var clock: Int? = nil

    public init(root: URL, output: URL? = nil, tenants: [String] = [], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                dev: Bool = false, clean: Bool = false, shard: ShardSpec? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("site")).standardizedFileURL
        self.tenants = tenants
        self.jobs = max(1, jobs)
        self.dev = dev
        self.clean = clean
        self.shard = shard
    }

    /// The same options writing to `output` (kept as given: it is already a real path).
    func with(output: URL) -> BuildOptions {
        var copy = self
        copy.output = output
        return copy
    }
}
