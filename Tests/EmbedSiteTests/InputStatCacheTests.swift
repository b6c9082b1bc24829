@testable import EmbedSite
import Foundation
import Testing

/// The stat cache skips reading a tenant only when none of its files can have changed, and a
/// rebuild that used it writes what a clean build writes.
@Suite struct InputStatCacheTests {
    let root = TestProject.temporaryDirectory("stat-cache")
    var content: URL { root.appendingPathComponent("content") }
    /// Far enough ahead that every file written by the test has settled.
    let later = Int(time(nil)) + 60

    init() throws {
        for t in 0..<2 {
            try TestProject.write(["content/t\(t)/tenant.yaml": "name: Tenant \(t)\nbaseURL: https://t\(t).example/\n",
                                   "content/t\(t)/index.md": "---\ntitle: Home\n---\nText one.\n",
                                   "content/t\(t)/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"], into: root)
        }
    }

    func source(_ id: String) throws -> TenantSource {
        let scanned = try ContentScanner.scan(root: root, displayRoot: "")
        return try #require(scanned.tenants.first { $0.id == id })
    }

    /// Rewrites a file with other bytes of the same size and puts its modification time back:
    /// only its change time (and inode data) tells.
    func sneakyEdit(_ path: String, _ old: String, _ new: String) throws {
        let url = content.appendingPathComponent(path)
        var info = stat()
        #expect(stat(url.path, &info) == 0)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(old.utf8.count == new.utf8.count)
        let fd = open(url.path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        _ = Array(text.replacingOccurrences(of: old, with: new).utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    @Test func aSettledUnchangedTenantIsNotRead() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let first = TenantInputs.read(try source("t0"), buildKey: "k", now: later)
        let entry = try #require(first.cacheEntry)
        #expect(first.config != nil && !first.isUnread)

        let again = TenantInputs.read(try source("t0"), buildKey: "k", cached: entry, previousKey: first.key, now: later)
        #expect(again.isUnread && again.key == first.key && again.config == nil && again.pages.isEmpty)

        // Another build key (a template changed): the files are needed, so they are read.
        let rekeyed = TenantInputs.read(try source("t0"), buildKey: "k2", cached: entry, previousKey: first.key, now: later)
        #expect(!rekeyed.isUnread && rekeyed.config != nil)
    }

    @Test(arguments: ["index.md", "tenant.yaml", "assets/logo.svg"])
    func aSameSizeEditWithItsTimeRestoredIsSeen(file: String) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let first = TenantInputs.read(try source("t0"), buildKey: "k", now: later)
        let entry = try #require(first.cacheEntry)
        let (old, new) = file == "index.md" ? ("one", "two") : file == "tenant.yaml" ? ("Tenant", "Tenanx") : ("svg\"", "svG\"")
        try sneakyEdit("t0/\(file)", old, new)
        let after = TenantInputs.read(try source("t0"), buildKey: "k", cached: entry, previousKey: first.key, now: later)
        #expect(!after.isUnread && after.key != first.key)
    }

    @Test func addedAndRemovedPagesAreSeen() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let first = TenantInputs.read(try source("t1"), buildKey: "k", now: later)
        let entry = try #require(first.cacheEntry)
        try TestProject.write(["content/t1/more.md": "---\ntitle: More\n---\n"], into: root)
        let added = TenantInputs.read(try source("t1"), buildKey: "k", cached: entry, previousKey: first.key, now: later)
        #expect(!added.isUnread && added.key != first.key)
        try FileManager.default.removeItem(at: content.appendingPathComponent("t1/more.md"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("t1/index.md"))
        let removed = TenantInputs.read(try source("t1"), buildKey: "k", cached: entry, previousKey: first.key, now: later)
        #expect(!removed.isUnread && removed.key != first.key)
    }

    /// A file changed within the timestamps' granularity of the stamp would keep its stamp:
    /// tenants with files younger than the settle time are never remembered.
    @Test func freshFilesAreNotRemembered() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let now = TenantInputs.read(try source("t0"), buildKey: "k")
        #expect(now.cacheEntry == nil && !now.key.isEmpty)
    }

    @Test func theCacheIsOnlyAHint() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent(".site.build-cache").path
        var cache = InputStatCache()
        cache.entries = ["t0": .init(signature: "s0", digest: "d0"), "t1": .init(signature: "s1", digest: "d1")]
        try cache.write(to: path, contentRoot: "/a/content")
        #expect(InputStatCache.read(path, contentRoot: "/a/content") == cache)
        #expect(InputStatCache.read(path, contentRoot: "/b/content").entries.isEmpty)   // another project
        for broken in ["", "garbage", "embedsmith-stat-cache 2 /a/content\nK\tt0\ts0\n", "embedsmith-stat-cache 2 /a/content\nK\tt0\t\td0\n",
                       "embedsmith-stat-cache 1 /a/content\nK\tt0\ts0\td0\n", "embedsmith-stat-cache 2 /a/content\nL\tt0\t\u{1E}1.2.3\t\t\n"] {
            try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
            #expect(InputStatCache.read(path, contentRoot: "/a/content").entries.isEmpty, "\(broken)")
        }
    }

    /// End to end: a sneaky edit after a cached build is rebuilt, and the site equals a clean build.
    @Test func rebuildsThroughTheCacheEqualACleanBuild() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        func build(clean: Bool = false) -> BuildPipeline.Summary {
            var options = BuildOptions(root: root, output: output, jobs: 2, clean: clean)
            options.clock = later
            return BuildPipeline.run(options)
        }
        #expect(build().pageCount == 2)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".site.build-cache").path))
        let noop = build()
        #expect(noop.pageCount == 0 && !noop.wroteOutput)
        try sneakyEdit("t1/index.md", "one", "two")
        let edit = build()
        #expect(edit.pageCount == 1 && edit.tenantsReused == 1)
        let other = root.appendingPathComponent("clean-site")
        #expect(BuildPipeline.run(BuildOptions(root: root, output: other, jobs: 1, clean: true)).succeeded)
        #expect(TestProject.snapshot(output) == TestProject.snapshot(other))
        #expect(try String(contentsOf: output.appendingPathComponent("t1/index.html"), encoding: .utf8).contains("Text two."))
    }
}
