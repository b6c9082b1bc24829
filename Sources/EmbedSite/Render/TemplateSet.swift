import EmbedCore
import Foundation
import Mustache

extension TrustedHTML: MustacheCustomRenderable {
    public var renderText: String { markup }
    public var isNull: Bool { markup.isEmpty }
}

/// The layouts, partials and assets of a build: the defaults compiled into the tool, each
/// replaced by the project's `templates/<same path>` when present. Every template passes
/// `TemplateSafetyCheck` before it is used.
struct TemplateSet: Sendable {
    fileprivate(set) var files: [String: String]
    /// Where each file came from, for diagnostics.
    private var origins: [String: String]
    private(set) var library = MustacheLibrary()
    private(set) var layouts: Set<String> = []

    static func load(root: URL, displayRoot: String) -> (TemplateSet, [Diagnostic]) {
        var set = TemplateSet(files: DefaultFiles.files, origins: [:])
        for key in DefaultFiles.files.keys { set.origins[key] = "<built-in>/templates/\(key)" }
        var diagnostics: [Diagnostic] = []
        let dir = root.appendingPathComponent("templates")
        if let enumerator = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) {
            var overrides: [(String, URL)] = []
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let rel = String(url.standardizedFileURL.path.dropFirst(dir.standardizedFileURL.path.count + 1))
                overrides.append((rel, url))
            }
            for (rel, url) in overrides.sorted(by: { $0.0 < $1.0 }) {
                let display = displayRoot.isEmpty ? "templates/\(rel)" : "\(displayRoot)/templates/\(rel)"
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    diagnostics.append(.error("template-unreadable", "cannot read template", at: SourceLocation(file: display, line: 1, column: 1)))
                    continue
                }
                switch SourceText.decode(data, file: display) {
                case .failure(let d): diagnostics.append(d)
                case .success(let text):
                    set.files[rel] = text
                    set.origins[rel] = display
                }
            }
        }
        diagnostics += set.compile()
        return (set, diagnostics)
    }

    func file(_ path: String) -> String? { files[path] }

    /// Checks and compiles every `.mustache` file: `layouts/x` as `layout-x`, `partials/x` as `x`.
    private mutating func compile() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let text = files[path]!
            let origin = origins[path] ?? path
            let problems = TemplateSafetyCheck.check(text, file: origin)
            diagnostics += problems
            guard problems.isEmpty else { continue }
            let stem = String(path.dropLast(".mustache".count))
            let name: String
            if stem.hasPrefix("layouts/") {
                name = "layout-" + stem.dropFirst("layouts/".count)
                layouts.insert(String(stem.dropFirst("layouts/".count)))
            } else if stem.hasPrefix("partials/") {
                name = String(stem.dropFirst("partials/".count))
            } else {
                continue
            }
            do {
                try library.register(text, named: name)
            } catch {
                diagnostics.append(.error("template-syntax", "Mustache syntax error: \(error)", at: SourceLocation(file: origin, line: 1, column: 1)))
            }
        }
        return diagnostics
    }
}

extension TemplateSet {
    /// `templates/<path>` → sha256 of the text in effect, for the manifest.
    var fileHashesForManifest: [String: String] {
        var hashes: [String: String] = [:]
        for (path, text) in files { hashes["templates/\(path)"] = ContentHash.sha256Hex(text) }
        return hashes
    }
}
