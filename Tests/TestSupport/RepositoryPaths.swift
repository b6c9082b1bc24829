import Foundation

/// Where the repository's files are, seen from the test sources (this file is
/// `Tests/TestSupport/RepositoryPaths.swift`).
public enum RepositoryPaths {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")
}
