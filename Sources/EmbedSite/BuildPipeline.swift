import EmbedCore
import Foundation

/// `embedsmith build`, as the list of its steps (`steps`). Each step reads and fills one
/// `BuildRun`; a step that returns a summary ends the build there (a failure, or a site that is
/// already what this build would write). Any error anywhere leaves the old site as it was.
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

    /// Process (lock, read what the last build left, load the project, scan the content) →
    /// build each tenant (render only the changed ones, into the staging folder) → publish
    /// (stat cache, manifest, swap into place). The incremental machinery the steps call lives
    /// in `Incremental/` (`StatCache/`, `Manifest/`, `Publish/`).
    static let steps: [BuildStep] = [
        .lockOutput,
        .readPreviousBuild,
        .loadProjectFiles,
        .scanContent,
        .selectTenants,
        .prepareStaging,
        .buildTenants,
        .updateStatCache,
        .stopIfUnchanged,
        .assembleManifest,
        .publish,
    ]

    public static func run(_ requested: BuildOptions, displayRoot: String = "") -> Summary {
        var build = BuildRun(requested: requested, displayRoot: displayRoot)
        // The lock is held until the build returns, whichever step ends it.
        defer { withExtendedLifetime(build.lock) {} }
        for step in steps {
            if let end = step.run(&build) { return end }
        }
        return build.finished()
    }
}
