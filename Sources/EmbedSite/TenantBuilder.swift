import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation

/// Builds one tenant: config, pages, assets, `_headers`. Writes straight into the staging
/// folder (memory does not hold the whole site) and reports what it read and wrote.
struct TenantBuilder {
    let inputs: TenantInputs
    var source: TenantSource { inputs.source }
    let templates: TemplateSet
    let shared: SharedAssets
    let staging: OutputStaging
    let dev: Bool
    /// `serve --stub-vendors`: vendor URLs point at the simulated vendor apps.
    var stubVendors: VendorStubOrigin? = nil

    struct Result {
        var diagnostics: [Diagnostic] = []
        /// The tenant's manifest entries, made here so the merge after the parallel phase
        /// only sorts a chunk per tenant. A reused tenant's are the previous manifest's lines.
        var inputs: ManifestChunk?
        var outputs: ManifestChunk?
        var pageCount = 0
        /// The tenant's output was carried over from the previous site, not rendered.
        var reused = false
    }

    /// Reuses the tenant's previous output (its inputs are unchanged): carried into the staging
    /// folder for a whole-folder swap, or left where it is (`carryOver: false`).
    func reuse(previous: PreviousManifest, carryOver: Bool = true) -> Result {
        // Equal keys mean the same inputs (paths and hashes): the previous entries are exact.
        var result = Result()
        result.inputs = previous.inputs(of: source.id)
        result.outputs = previous.outputs(of: source.id)
        result.pageCount = 0
        result.reused = true
        guard carryOver else { return result }
        do {
            try staging.keep(tenant: source.id)
        } catch {
            result.diagnostics.append(.error(.ioWrite, "cannot carry \(source.id)/ over from the previous site: \(error.localizedDescription)"))
        }
        return result
    }

    func build() -> Result {
        var result = Result(diagnostics: inputs.diagnostics, inputs: ManifestChunk(entries: inputs.hashes))
        let id = source.id
        guard let configData = inputs.config else { return result }
        let (configOrNil, configDiagnostics) = ComponentRegistry.loadTenant(data: configData, file: source.configDisplayPath, id: id, allowLoopbackHTTP: dev)
        result.diagnostics += configDiagnostics
        guard let tenant = configOrNil else { return result }
        let context = ComponentContext(tenant: tenant, allowLoopbackHTTP: dev, stubVendors: stubVendors)

        if let logo = tenant.logo, !source.assets.contains(where: { $0.relativePath == logo }) {
            result.diagnostics.append(.error(.configAssetMissing, "'theme.logo' names '\(logo)', which is not in the tenant folder",
                                             at: tenant.raw[TenantSchema.theme]?.location(of: TenantSchema.Theme.logo)))
        }

        // An SVG is scanned from the bytes that hashed as the copy below will (a swap in between is refused there).
        result.diagnostics += TenantFilePolicy.problems(pages: source.pages, assets: inputs.assets,
                                                        displayFolder: source.displayFolder) { asset, hashed in
            guard case .success(let (data, sha256))? = inputs.reader?.read(asset.relativePath, limit: inputs.limits.assetBytes),
                  sha256 == hashed else { return nil }
            return [UInt8](data)
        }

        var parsed: [ParsedPage] = []
        for (page, data) in inputs.pages {
            let (pageOrNil, diagnostics) = PageParser.parse(page, data: data, context: context)
            result.diagnostics += diagnostics
            if let p = pageOrNil { parsed.append(p) }
        }
        if source.pages.isEmpty {
            result.diagnostics.append(.warning(.tenantNoPages, "tenant has no pages (*.md)",
                                               at: SourceLocation(file: source.configDisplayPath, line: 1, column: 1)))
        }
        guard !result.diagnostics.hasErrors else { return result }

        let navigation = parsed
            .sorted { ($0.meta.weight, $0.meta.title, $0.source.outputPath) < ($1.meta.weight, $1.meta.title, $1.source.outputPath) }
            .map { PageRenderer.NavItem(title: $0.meta.title, outputPath: $0.source.outputPath) }
        let theme = SharedAssets.theme(color: tenant.primaryColor)
        var headerEntries: [HeadersFile.Entry] = []
        let basePath = (try? WebURL.parse(tenant.baseURL))?.pathname ?? "/"
        let canonicalPolicy = URLPolicy(allowLoopbackHTTP: dev)

        var files: [(path: String, data: Data)] = []
        var bridges: [String: HashedAsset] = [:]
        for page in parsed {
            let features = page.bridgeFeatures
            let usesBridge = !features.isEmpty
            let bridge = usesBridge ? shared.bridges.script(features: features, locale: tenant.locale) : nil
            if let bridge { bridges[bridge.path] = bridge }
            let csp = ContentSecurityPolicy(bridgeIntegrity: bridge?.integrity, contribution: page.csp)
            let canonical = try? canonicalPolicy.validate(tenant.baseURL + PagePaths.publicPath(of: page.source.outputPath))
            let settings: JSONValue? = usesBridge ? page.bridgeSettings(locale: tenant.locale) : nil
            let head = HeadBuilder.build(page: page, canonical: canonical, csp: csp,
                                         stylesheets: [shared.stylesheet, theme], bridge: bridge,
                                         bridgeSettings: settings, deferredScripts: page.headScripts)
            switch PageRenderer.render(page: page, head: head, bodyEnd: .empty, tenant: tenant, navigation: navigation,
                                       logoPath: tenant.logo, templates: templates) {
            case .success(let html):
                files.append((page.source.outputPath, Data(html.utf8)))
                headerEntries.append(HeadersFile.Entry(publicPath: PagePaths.publicPath(of: page.source.outputPath), csp: csp))
            case .failure(let d):
                result.diagnostics.append(d)
            }
        }
        guard !result.diagnostics.hasErrors else { return result }

        files.append(("_headers", Data(HeadersFile.render(basePath: basePath, frameAncestors: tenant.frameAncestors, reportTo: tenant.reportTo,
                                                            reportOnly: tenant.reportOnly, entries: headerEntries).utf8)))
        files.append((theme.path, theme.data))
        var writer = staging.writer()
        var outputs: [String: String] = [:]
        for (path, data) in files {
            do {
                try writer.write(data, to: "\(id)/\(path)")
                outputs["\(id)/\(path)"] = ContentHash.sha256Hex(data)
            } catch {
                result.diagnostics.append(.error(.ioWrite, "cannot write \(id)/\(path): \(error.localizedDescription)"))
            }
        }
        // Assets are streamed from the tenant folder to the staging folder, hashed on the way.
        for (asset, sha256) in inputs.assets {
            guard let reader = inputs.reader else { break }
            let displayPath = source.displayPath(of: asset.relativePath)
            switch writer.copy(asset.relativePath, from: reader, limit: inputs.limits.assetBytes, to: "\(id)/\(asset.relativePath)") {
            case .success(let copied) where copied == sha256:
                outputs["\(id)/\(asset.relativePath)"] = copied
            case .success:
                result.diagnostics.append(ContentRefusal.unreadable(displayPath, "asset", reason: "it changed while the build was reading it; build again"))
            case .failure(.write(let code)):
                result.diagnostics.append(.error(.ioWrite, "cannot write \(id)/\(asset.relativePath): \(String(cString: strerror(code)))"))
            case .failure(let failure):
                result.diagnostics.append(ContentRefusal.refused(displayPath, "asset", relativePath: asset.relativePath, failure))
            }
        }
        // The same bytes for every tenant: one copy, hard-linked into each tenant folder.
        let sharedFiles = [shared.stylesheet] + bridges.keys.sorted().map { bridges[$0]! }
        for asset in sharedFiles {
            do {
                try writer.writeShared(asset.data, named: asset.path, to: "\(id)/\(asset.path)")
                outputs["\(id)/\(asset.path)"] = asset.sha256
            } catch {
                result.diagnostics.append(.error(.ioWrite, "cannot write \(id)/\(asset.path): \(error.localizedDescription)"))
            }
        }
        result.outputs = ManifestChunk(entries: outputs)
        result.pageCount = parsed.count
        return result
    }
}
