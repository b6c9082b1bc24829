import EmbedConfig
import EmbedCore
import Foundation

/// The first phase of a build: take the output, read what the last build left beside it, load
/// the project's settings and templates, and find the tenants. Nothing is written yet.
extension BuildStep {
    /// From here on this build owns the output folder (and its staging folders).
    static let lockOutput = BuildStep(name: "lock the output folder") { build in
        switch OutputLock.acquire(for: build.options.output) {
        case .success(let taken): build.lock = taken
        case .failure(let busy): return build.fail(.ioFailure, [busy])
        }
        return nil
    }

    /// The previous build's manifest (read under the lock) is read in the background while the
    /// templates and the content are scanned; the scan itself uses the stat cache's folder layouts.
    static let readPreviousBuild = BuildStep(name: "read the previous build") { build in
        let options = build.options
        build.contentRoot = options.root.appendingPathComponent("content").standardizedFileURL.resolvingSymlinksInPath().path
        build.statCachePath = InputStatCache.path(forOutput: options.output)
        build.previousManifest = BackgroundWork { [options] in
            options.clean ? PreviousManifest() : PreviousManifest.read(options.output)
        }
        build.statCache = options.clean ? InputStatCache() : InputStatCache.read(build.statCachePath, contentRoot: build.contentRoot)
        build.now = options.clock ?? Int(time(nil))
        return nil
    }

    /// `embedsmith.yaml`'s build settings, and the templates (defaults and overrides), checked.
    static let loadProjectFiles = BuildStep(name: "load settings and templates") { build in
        let (settings, settingsDiagnostics) = BuildSettingsFile.load(root: build.options.root, displayRoot: build.displayRoot)
        build.diagnostics += settingsDiagnostics
        build.settings = settings
        let (templates, templateDiagnostics) = TemplateSet.load(root: build.options.root, displayRoot: build.displayRoot)
        build.diagnostics += templateDiagnostics
        build.templates = templates
        return nil
    }

    /// content/ listed, and each tenant folder walked (`ContentScanner`).
    static let scanContent = BuildStep(name: "scan content/") { build in
        do {
            // A shard walks only its own tenants' folders; content/ itself is listed whole.
            let shard = build.options.shard
            build.scanned = try ContentScanner.scan(root: build.options.root, displayRoot: build.displayRoot, jobs: build.options.jobs,
                                                    cache: build.statCache, now: build.now,
                                                    selecting: { shard?.contains(tenant: $0) ?? true })
        } catch {
            return build.fail(.ioFailure, [.error(.ioRead, "cannot read content/: \(error.localizedDescription)")])
        }
        return nil
    }

    /// The tenants `--tenant` names (all without it); an unknown name is an error.
    static let selectTenants = BuildStep(name: "select tenants") { build in
        build.tenants = build.scanned.tenants
        let wanted = build.options.tenants
        if !wanted.isEmpty {
            let known = Set(build.tenants.map(\.id))
            for name in wanted where !known.contains(name) {
                var message = "no tenant '\(name)' in content/"
                if let guess = Suggestion.closest(to: name, in: Array(known)) { message += " (did you mean '\(guess)'?)" }
                build.diagnostics.append(.error(.tenantUnknown, message))
            }
            build.tenants = build.tenants.filter { wanted.contains($0.id) }
        }
        // Settings, templates and names are the whole build's: no tenant can build without them.
        if build.diagnostics.hasErrors { return build.fail(.invalidInput) }
        // A tenant's refused files are its own errors: the other tenants are still built (into
        // the staging folder, dropped at the end), so every tenant's errors are listed together.
        build.diagnostics += build.scanned.diagnostics
        return nil
    }
}
