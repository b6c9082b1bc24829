@testable import EmbedSite
import Foundation
import Testing

/// A remembered tenant layout stands in for listing the folders only while none of them
/// changed, and a scan with something to say is never remembered.
@Suite struct TenantLayoutTests {
    let root = TestProject.temporaryDirectory("tenant-layout")
    var content: URL { root.appendingPathComponent("content") }
    /// Far enough ahead that every folder written by the test has settled.
    let later = Int(time(nil)) + 60

    init() throws {
        try TestProject.write(["content/t/tenant.yaml": "name: T\nbaseURL: https://t.example/\n",
                               "content/t/index.md": "---\ntitle: Home\n---\nText.\n",
                               "content/t/help/faq.md": "---\ntitle: FAQ\n---\nText.\n",
                               "content/t/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
                               "content/t/assets/img/a.png": "png"], into: root)
    }

    func scan(now: Int? = nil) throws -> TenantSource {
        let scanned = try ContentScanner.scan(root: root, displayRoot: "", now: now ?? later)
        return try #require(scanned.tenants.first)
    }

    func fromLayout(_ layout: TenantLayout) -> TenantSource? {
        let folder = open(content.path, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        return layout.source(id: "t", directory: content.path + "/t", displayPrefix: "content/t", content: folder)
    }

    static func describe(_ source: TenantSource?) -> String {
        guard let source else { return "nil" }
        return ([source.id, source.directory, source.configDisplayPath, source.configStamp.map { "\($0)" } ?? "-"]
            + source.pages.map { "\($0.relativePath) \($0.file) \($0.displayPath) \($0.stamp.map { "\($0)" } ?? "-")" }
            + source.assets.map { "\($0.relativePath) \($0.file) \($0.stamp.map { "\($0)" } ?? "-")" }).joined(separator: "\n")
    }

    @Test func aRememberedLayoutGivesWhatAScanGives() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let scanned = try scan()
        let layout = try #require(scanned.layout)
        #expect(layout.folders.map(\.path) == ["", "assets", "assets/img", "help"])
        #expect(layout.pages == ["help/faq.md", "index.md"] && layout.assets == ["assets/img/a.png", "assets/logo.svg"])
        #expect(Self.describe(fromLayout(layout)) == Self.describe(scanned))
    }

    @Test(arguments: ["add a page", "remove a page", "add a nested page", "rename an asset", "add a nested asset",
                      "replace a page by a folder", "add a stray file"])
    func aChangeToAnyFolderIsSeen(change: String) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = try #require(try scan().layout)
        let fm = FileManager.default
        switch change {
        case "add a page": try TestProject.write(["content/t/new.md": "---\ntitle: N\n---\n"], into: root)
        case "remove a page": try fm.removeItem(at: content.appendingPathComponent("t/index.md"))
        case "add a nested page": try TestProject.write(["content/t/help/more.md": "---\ntitle: M\n---\n"], into: root)
        case "rename an asset": try fm.moveItem(at: content.appendingPathComponent("t/assets/logo.svg"), to: content.appendingPathComponent("t/assets/logo2.svg"))
        case "add a nested asset": try TestProject.write(["content/t/assets/img/b.png": "png"], into: root)
        case "replace a page by a folder":
            try fm.removeItem(at: content.appendingPathComponent("t/index.md"))
            try fm.createDirectory(at: content.appendingPathComponent("t/index.md"), withIntermediateDirectories: false)
        default: try TestProject.write(["content/t/notes.txt": "x"], into: root)
        }
        #expect(fromLayout(layout) == nil)
    }

    /// Editing a file in place leaves its folder alone: the layout holds, the file's stamp moves.
    @Test func anEditInPlaceKeepsTheLayoutButNotTheStamp() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let scanned = try scan()
        let layout = try #require(scanned.layout)
        let handle = try FileHandle(forWritingTo: content.appendingPathComponent("t/help/faq.md"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("More.\n".utf8))
        try handle.close()
        let again = try #require(fromLayout(layout))
        #expect(again.pages.map(\.relativePath) == scanned.pages.map(\.relativePath))
        #expect(again.pages[0].stamp != scanned.pages[0].stamp && again.pages[1].stamp == scanned.pages[1].stamp)
    }

    @Test func freshFoldersAndScansWithWarningsAreNotRemembered() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try scan(now: Int(time(nil))).layout == nil)
        try TestProject.write(["content/t/notes.txt": "x"], into: root)
        #expect(try scan().layout == nil)
    }

    /// End to end: a warning is printed by every build, not only by the one that first scanned.
    @Test func warningsAreReportedByEveryBuild() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try TestProject.write(["content/t/notes.txt": "x"], into: root)
        var options = BuildOptions(root: root, output: root.appendingPathComponent("site"), jobs: 1)
        options.clock = later
        for _ in 0..<3 {
            let summary = BuildPipeline.run(options)
            #expect(summary.succeeded && summary.diagnostics.map(\.code) == ["content-stray-file"])
        }
    }

    @Test func layoutsGoThroughTheCacheFile() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = try #require(try scan().layout)
        var cache = InputStatCache()
        cache.setLayout(layout, for: "t")
        cache.setLayout(TenantLayout(folders: layout.folders, pages: ["a\u{1F}b.md"], assets: []), for: "odd")
        let path = root.appendingPathComponent(".site.build-cache").path
        try cache.write(to: path, contentRoot: "/x/content")
        var read = InputStatCache.read(path, contentRoot: "/x/content")
        #expect(read.layouts == ["t": layout])   // a name holding a separator is not stored

        // Written again, unchanged lines are copied as read and a changed one is formatted anew.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try read.write(to: path, contentRoot: "/x/content")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        read.setLayout(TenantLayout(folders: layout.folders, pages: ["index.md"], assets: []), for: "t")
        try read.write(to: path, contentRoot: "/x/content")
        #expect(InputStatCache.read(path, contentRoot: "/x/content").layouts["t"]?.pages == ["index.md"])
    }
}
