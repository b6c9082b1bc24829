import EmbedCore
import EmbedVendors
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
    /// Path → sha256 of the text in effect, computed once for the build key and the manifest.
    private(set) var hashes: [String: String] = [:]

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
                    diagnostics.append(.error(.templateUnreadable, "cannot read template", at: SourceLocation(file: display, line: 1, column: 1)))
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
        set.hashes = set.files.mapValues { ContentHash.sha256Hex($0) }
        diagnostics += set.compile()
        diagnostics += set.partialCycles()
        return (set, diagnostics)
    }

    /// A partial that includes itself, directly or through others, would recurse forever at
    /// render time: refuse it with the chain.
    private func partialCycles() -> [Diagnostic] {
        var includes: [String: [String]] = [:]
        for (path, text) in files where path.hasPrefix("partials/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("partials/".count).dropLast(".mustache".count))
            includes[name] = Self.partialNames(in: text)
        }
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        func visit(_ name: String, _ chain: [String]) {
            if let start = chain.firstIndex(of: name) {
                let cycle = chain[start...] + [name]
                if reported.insert(Set(cycle).sorted().joined(separator: ",")).inserted {
                    let origin = origins["partials/\(cycle.first!).mustache"] ?? "partials/\(cycle.first!).mustache"
                    diagnostics.append(.error(.templateSyntax, "partials include each other in a loop: " + cycle.joined(separator: " → "),
                                              at: SourceLocation(file: origin, line: 1, column: 1)))
                }
                return
            }
            for next in includes[name] ?? [] where includes[next] != nil { visit(next, chain + [name]) }
        }
        for name in includes.keys.sorted() { visit(name, []) }
        return diagnostics
    }

    static func partialNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
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
                _ = TemplateEscaping.registered
                try library.register(TemplateEscaping.pragmaLine + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = max(1, error.context.lineNumber - TemplateEscaping.linesAdded)
                diagnostics.append(.error(.templateSyntax, "Mustache syntax error: \(Self.describe(error.error))",
                                          at: SourceLocation(file: origin, line: line, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error(.templateSyntax, "Mustache syntax error: \(Self.describe(error))", at: SourceLocation(file: origin, line: 1, column: 1)))
            }
        }
        return diagnostics
    }
}

extension TemplateSet {
    /// `templates/<path>` → sha256 of the text in effect, for the manifest.
    var fileHashesForManifest: [String: String] {
        Dictionary(uniqueKeysWithValues: hashes.map { ("templates/\($0.key)", $0.value) })
    }
}

extension TemplateSet {
    /// Plain words for swift-mustache's parser errors.
    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "the template cannot be parsed" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed ({{/name}} missing)"
        case .invalidSetDelimiter: return "malformed delimiter change"
        default: return "the template cannot be parsed (\(error))"
        }
    }
}

extension TemplateSet {
    /// Part of every tenant's key: the templates and assets in effect, the tool version and the
    /// build mode (`--dev`, the stub vendor origin). Changing any of them re-renders every tenant.
    func buildKey(dev: Bool, stubVendors: VendorStubOrigin? = nil) -> String {
        let listing = hashes.keys.sorted().map { "\($0) \(hashes[$0]!)" }.joined(separator: "\n")
        // Without stubs the key is what it always was (previous builds stay reusable).
        let stubs = stubVendors.map { " stub-vendors=\($0.origin)" } ?? ""
        return ContentHash.sha256Hex("embedsmith \(Manifest.toolVersion) dev=\(dev)\(stubs)\n" + listing)
    }
}
