import Foundation

/// Temporary project folders, their files, and what a build left in them: shared by every test
/// target that builds or checks a project.
public enum TestProject {
    public static var packageRoot: URL { RepositoryPaths.root }
    public static var fixtures: URL { RepositoryPaths.fixtures }

    /// A new, empty folder below the system's temporary folder; the caller removes it.
    public static func temporaryDirectory(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("embedsmith-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `dir` as relative path → bytes.
    public static func snapshot(_ dir: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        let base = dir.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count + 1))] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// Writes each relative path's text below `root`, making the folders.
    public static func write(_ files: [String: String], into root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A project with `tenants` × `pages` valid pages (each with a quick-invitation block), large
    /// enough to interrupt mid-build; `marker` changes every page's text.
    public static func makeProject(at root: URL, tenants: Int, pages: Int, marker: String = "v1") throws {
        for t in 0..<tenants {
            let dir = root.appendingPathComponent("content/t\(t)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data("name: Tenant \(t)\nbaseURL: https://t\(t).example/\napizee:\n  quickInvitation:\n    serviceKey: 0123456789abcdef0123456789abcdef\n".utf8)
                .write(to: dir.appendingPathComponent("tenant.yaml"))
            for p in 0..<pages {
                let page = "---\ntitle: Page \(p) \(marker)\n---\n## Section\n\nText \(marker) with a [link](https://example.com/).\n\n```embed quick-invitation\nreference: T\(t)-P\(p)\nphones: [\"+33612345678\"]\n```\n"
                try Data(page.utf8).write(to: dir.appendingPathComponent("page\(p).md"))
            }
        }
    }
}
