import EmbedConfig
import EmbedCore
import Foundation

/// The state one build carries from step to step (`BuildPipeline.steps`). A property marked
/// "set by" is filled by that step and read only by the steps after it.
struct BuildRun {
    /// Everything about the output hangs off its real path: two spellings are one folder.
    let options: BuildOptions
    let displayRoot: String
    var diagnostics: [Diagnostic] = []

    /// Set by `lockOutput`: from then on this build owns the output folder and its staging folders.
    var lock: OutputLock?
    /// Set by `readPreviousBuild`.
    var previousManifest: BackgroundWork<PreviousManifest>!
    var statCache = InputStatCache()
    var statCachePath = ""
    var contentRoot = ""
    var now = 0
    /// Set by `loadProjectFiles`.
    var settings: BuildSettings!
    var templates: TemplateSet!
    /// Set by `scanContent`: every tenant folder found, and (after `selectTenants`) those built.
    var scanned: (tenants: [TenantSource], diagnostics: [Diagnostic], folders: [String])!
    var tenants: [TenantSource] = []
    /// Set by `prepareStaging`.
    var buildKey = ""
    var shardRecord: ShardRecord?
    var previous: PreviousManifest!
    var building: Set<String> = []
    /// Tenants this build does not look at (--tenant) keep their previous output.
    var kept: Set<String> = []
    var previousTenants: Set<String> = []
    /// A rebuild of a site we wrote swaps in changed tenants only; a first or --clean build
    /// swaps the whole folder.
    var inPlace = false
    var staging: OutputStaging!
    /// Set by `buildTenants`, in the order of `tenants`.
    var results: [TenantOutcome] = []
    var unchanged: Set<String> = []
    /// Set by `updateStatCache`; written by `saveStatCache()` only when the build succeeds.
    var nextStatCache = InputStatCache()
    var statCacheChanged = false
    /// Set by `assembleManifest`.
    var manifest = Manifest()
    var pageCount = 0
    var reusedCount = 0

    /// What `buildTenants` keeps of one tenant.
    struct TenantOutcome {
        var result: TenantBuilder.Result
        var key: String
        var cacheEntry: InputStatCache.Entry?
        var cacheEntryChanged: Bool
    }

    init(requested: BuildOptions, displayRoot: String) {
        options = requested.with(output: RealOutputFolder.resolve(requested.output))
        self.displayRoot = displayRoot
    }

    func fail(_ status: ExitStatus, _ extra: [Diagnostic] = []) -> BuildPipeline.Summary {
        BuildPipeline.Summary(diagnostics: (diagnostics + extra).sortedForOutput(), tenantCount: 0, pageCount: 0,
                              succeeded: false, exitStatus: status)
    }

    /// The summary of a build that wrote its output.
    func finished() -> BuildPipeline.Summary {
        BuildPipeline.Summary(diagnostics: diagnostics.sortedForOutput(), tenantCount: tenants.count, pageCount: pageCount,
                              succeeded: true, exitStatus: .success, tenantsReused: reusedCount, wroteOutput: true)
    }

    /// The stat cache is written only by a build that succeeds: a failed build leaves
    /// everything beside the output as it was. It is a hint: without it, files are read.
    func saveStatCache() {
        if statCacheChanged { try? nextStatCache.write(to: statCachePath, contentRoot: contentRoot) }
    }
}
