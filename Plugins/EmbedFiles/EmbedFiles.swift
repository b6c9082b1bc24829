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
]

@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let generator = try context.tool(named: "EmbedFilesGenerator")
        return try (embeddings[target.name] ?? []).map { embedding in
            let folder = context.package.directoryURL.appending(path: embedding.folder)
            let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.type).swift")
            return .buildCommand(
                displayName: "Embedding \(embedding.folder)/ as \(embedding.type)",
                executable: generator.url,
                arguments: [folder.path, output.path, embedding.type] + (embedding.isPublic ? ["public"] : []),
                // Every file is an input: editing, adding or removing one runs the generator again.
                inputFiles: try files(below: folder),
                outputFiles: [output])
        }
    }

    private func files(below folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else {
            throw PluginError("cannot read \(folder.path)")
        }
        var urls: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            urls.append(url)
        }
        return urls.sorted { $0.path < $1.path }
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
