import Foundation

/// Where the repository's files are, seen from the test sources.
enum CheckPaths {
    static let packageRoot = RepositoryPaths.root
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/check")
    static let ruleDocs = packageRoot.appendingPathComponent("docs/rules")
    static let sharedData = packageRoot.appendingPathComponent("Tests/Fixtures/shared-data")

    /// `embedsmith` next to the test bundle in the build folder (whatever --scratch-path was used).
    static var executable: URL? { CLIRunner.builtExecutable }

    static func files(in folder: URL, suffix: String) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.path < $1.path }
    }
}
