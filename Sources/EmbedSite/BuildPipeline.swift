import EmbedConfig
import EmbedCore
import Foundation

/// `embedsmith build`: load templates → scan content → build tenants in parallel → write the
/// manifest → swap the staging folder into place. Any error anywhere leaves the old site as it was.
public enum BuildPipeline {
    public struct Summary: Sendable {
        public var diagnostics: [Diagnostic]
        public var tenantCount: Int
        public var pageCount: Int
        public var succeeded: Bool
        /// 0, 65 (invalid input) or 74 (I/O).
        public var exitStatus: ExitStatus
    }

    public static func run(_ options: BuildOptions, displayRoot: String = "") -> Summary {
        var diagnostics: [Diagnostic] = []
        func fail(_ status: ExitStatus, _ extra: [Diagnostic] = []) -> Summary {
            Summary(diagnostics: (diagnostics + extra).sortedForOutput(), tenantCount: 0, pageCount: 0, succeeded: false, exitStatus: status)
        }
        let (templates, templateDiagnostics) = TemplateSet.load(root: options.root, displayRoot: displayRoot)
        diagnostics += templateDiagnostics
        let scanned: (tenants: [TenantSource], diagnostics: [Diagnostic])
        do {
            scanned = try ContentScanner.scan(root: options.root, displayRoot: displayRoot)
        } catch {
            return fail(.ioFailure, [.error("io-read", "cannot read content/: \(error.localizedDescription)")])
        }
        diagnostics += scanned.diagnostics
        var tenants = scanned.tenants
        if !options.tenants.isEmpty {
            let known = Set(tenants.map(\.id))
            for name in options.tenants where !known.contains(name) {
                var message = "no tenant '\(name)' in content/"
                if let guess = Suggestion.closest(to: name, in: Array(known)) { message += " (did you mean '\(guess)'?)" }
                diagnostics.append(.error("tenant-unknown", message))
            }
            tenants = tenants.filter { options.tenants.contains($0.id) }
        }
        if diagnostics.hasErrors { return fail(.invalidInput) }

        let staging = OutputStaging(output: options.output)
        do {
            if let refusal = try staging.prepare(root: options.root) { return fail(.ioFailure, [refusal]) }
        } catch {
            return fail(.ioFailure, [.error("io-write", "cannot prepare the output folder '\(options.output.path)': something in its path is not a writable folder")])
        }
        let shared = SharedAssets(templates: templates)
        let results = ParallelMap.map(tenants, jobs: options.jobs) { source in
            TenantBuilder(source: source, templates: templates, shared: shared, staging: staging, dev: options.dev).build()
        }
        var manifest = Manifest()
        var pages = 0
        for result in results {
            diagnostics += result.diagnostics
            manifest.inputs.merge(result.inputs) { a, _ in a }
            manifest.outputs.merge(result.outputs) { a, _ in a }
            pages += result.pageCount
        }
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
        if diagnostics.hasErrors {
            staging.abandon()
            let ioOnly = diagnostics.filter { $0.severity == .error }.allSatisfy { $0.code.hasPrefix("io-") }
            return fail(ioOnly ? .ioFailure : .invalidInput)
        }
        do {
            // A partial build keeps the other tenants' previous output (and their manifest entries).
            if !options.tenants.isEmpty {
                let previous = PreviousManifest.read(options.output)
                let rebuilt = Set(tenants.map(\.id))
                for tenant in previous.tenants where !rebuilt.contains(tenant) {
                    try staging.keep(tenant: tenant)
                }
                manifest.inputs.merge(previous.inputs.filter { !rebuilt.contains(PreviousManifest.tenant(ofInput: $0.key)) }) { a, _ in a }
                manifest.outputs.merge(previous.outputs.filter { !rebuilt.contains(PreviousManifest.tenant(ofOutput: $0.key)) }) { a, _ in a }
            }
            for (path, text) in templates.fileHashesForManifest { manifest.inputs[path] = text }
            try staging.write(manifest.encoded(), to: OutputStaging.manifestPath)
            try staging.commit()
        } catch {
            staging.abandon()
            return fail(.ioFailure, [.error("io-write", "cannot write the site: \(error.localizedDescription)")])
        }
        return Summary(diagnostics: diagnostics.sortedForOutput(), tenantCount: tenants.count, pageCount: pages,
                       succeeded: true, exitStatus: .success)
    }
}
