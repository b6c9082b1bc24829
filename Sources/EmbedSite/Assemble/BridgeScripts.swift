import EmbedVendors
import Foundation

/// The host bridge as pages load it: the modules of `templates/assets/bridge/` (the core, one
/// module per feature, one strings table per language) joined in file-name order into one
/// script per feature set and language, so a page loads only the code it runs. Each joined
/// script is a hashed asset (`embedsmith-bridge.<hash>.js`) allowed by its own sha384 in the
/// page's `script-src`. Joined once per build for each set the pages ask for.
final class BridgeScripts: @unchecked Sendable {
    static let folder = "assets/bridge/"

    /// Module name (the file name without `<NN>-` and `.js`) and text, in file-name order.
    private let modules: [(name: String, text: String)]
    private let lock = NSLock()
    private var joined: [String: HashedAsset] = [:]

    init(templates: TemplateSet) {
        modules = templates.files.keys
            .filter { $0.hasPrefix(Self.folder) && $0.hasSuffix(".js") && !$0.dropFirst(Self.folder.count).contains("/") }
            .sorted()
            .map { path in
                var name = path.dropFirst(Self.folder.count).dropLast(".js".count)
                if let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber) { name = name[name.index(after: dash)...] }
                return (String(name), templates.file(path) ?? "")
            }
    }

    /// The script of a page that uses `features`, in `locale`.
    func script(features: Set<BridgeFeature>, locale: String) -> HashedAsset {
        let strings = modules.contains { $0.name == "strings-" + locale } ? "strings-" + locale : "strings-en"
        let key = features.map(\.module).sorted().joined(separator: ",") + " " + strings
        lock.lock()
        defer { lock.unlock() }
        if let asset = joined[key] { return asset }
        let text = modules.filter { Self.includes($0.name, features: features, strings: strings) }.map(\.text).joined()
        let asset = HashedAsset(stem: HostBridge.assetStem, ext: "js", data: Data(text.utf8))
        joined[key] = asset
        return asset
    }

    /// Feature modules only when used, the page's strings table only; every other module (the
    /// core, the start) always.
    private static func includes(_ module: String, features: Set<BridgeFeature>, strings: String) -> Bool {
        if module.hasPrefix("strings-") { return module == strings }
        if let feature = BridgeFeature(module: module) { return features.contains(feature) }
        return true
    }
}
