import Foundation
import PackagePlugin

/// A folder compiled into a target as a Swift table (`<type>.files`: path below the folder ->
/// contents), made at build time by EmbedFilesGenerator from the files themselves.
struct Embedding {
    /// Folder below the package root.
    var folder: String
    /// Name of the generated enum.
    var type: String
    var isPublic = false
}

/// What each target embeds. Embedding another folder is one line here (and, for a target not
/// listed yet, `plugins: ["EmbedFiles"]` on it in Package.swift).
let embeddings: [String: [Embedding]] = [
    "EmbedSite": [Embedding(folder: "templates", type: "DefaultFiles")],
    "EmbedCheck": [Embedding(folder: "docs/rules", type: "RuleDocs", isPublic: true)],
    "EmbedVendorStubs": [Embedding(folder: "vendor-stubs", type: "VendorStubFiles")],
]

@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let generator = try context.tool(named: "EmbedFilesGenerator")
        return try (embeddings[target.name] ?? []).map { embedding in
            let folder = context.package.directoryURL.appending(path: embedding.folder)
            let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.type).swift")
            return .buildCommand(
                displayName: "EmbedFiles: \(embedding.folder) into \(embedding.type)",
                executable: generator.url,
                arguments: [folder.path, output.path, embedding.type] + (embedding.isPublic ? ["public"] : []),
                // Every file is an input (an edit runs the generator again), and so is every folder:
                // SwiftPM keeps these commands until it plans the build again (Package.swift or a
                // target's file list changes), so a file added or removed is seen by its folder's
                // modification time. An in-place edit of a file added since that plan is seen at
                // the next plan (`rm .build/debug.yaml` forces one); DefaultFilesTests and
                // RuleDocsTests fail while a compiled copy differs from its file.
                inputFiles: try inputs(below: folder),
                outputFiles: [output])
        }
    }

    /// The folder, its subfolders and its files (hidden ones left out, as the generator leaves them out).
    private func inputs(below folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
                                                              options: [.skipsHiddenFiles]) else {
            throw PluginError("cannot read \(folder.path)")
        }
        var urls = [folder]
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isRegularFile == true || values?.isDirectory == true { urls.append(url) }
        }
        return urls.sorted { $0.path < $1.path }
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
