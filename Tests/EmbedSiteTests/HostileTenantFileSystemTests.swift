import EmbedCore
@testable import EmbedSite
import Foundation
import Testing

/// A hostile tenant's file system: what a txtar fixture cannot hold (FIFOs, names that are not
/// UTF-8, paths longer than PATH_MAX, deep nesting), through the invalid-input harness, and the
/// rebuild paths (stat cache, output spellings) that need a build before the attack.
/// Symbolic-link attacks are fixtures: Tests/Fixtures/invalid/content-symlink--*.txtar.
@Suite struct HostileTenantFileSystemTests {
    static let tenantYAML = "name: Acme\nbaseURL: https://support.acme.example/\n"
    static let page = "---\ntitle: Home\n---\nHello\n"

    /// A one-tenant project (`acme`) with `setup` run on the project folder after its files are written.
    static func project(_ name: String, files: [String: String] = [:], isolated: Bool = false, expect: [String],
                        setup: @escaping @Sendable (URL) throws -> Void) -> InvalidCase {
        var c = InvalidCase(name: name)
        let all = ["content/acme/tenant.yaml": tenantYAML, "content/acme/index.md": page].merging(files) { $1 }
        c.files = all.sorted { $0.key < $1.key }.map { ($0.key, .file(Data($0.value.utf8))) }
        c.expectedLines = expect
        c.exactly = true
        c.setup = setup
        // Cases that hang today's build run in a child process that the time limit kills; the
        // limit only catches hangs (generous for a busy 2-core machine).
        c.isolated = isolated
        c.timeLimit = .seconds(60)
        return c
    }

    static func fifo(_ path: String) -> @Sendable (URL) throws -> Void {
        { root in
            let url = root.appendingPathComponent(path)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard mkfifo(url.path, 0o644) == 0 else { throw POSIXError.fromErrno }
        }
    }

    /// Folders `names` nested in `content/acme`, made one level at a time relative to the one
    /// before (the whole path may be longer than PATH_MAX).
    static func nestedFolders(_ names: [String]) -> @Sendable (URL) throws -> Void {
        { root in
            var fd = open(root.appendingPathComponent("content/acme").path, O_RDONLY | O_DIRECTORY)
            guard fd >= 0 else { throw POSIXError.fromErrno }
            for name in names {
                guard mkdirat(fd, name, 0o755) == 0 else { close(fd); throw POSIXError.fromErrno }
                let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
                close(fd)
                guard next >= 0 else { throw POSIXError.fromErrno }
                fd = next
            }
            let page = openat(fd, "page.md", O_WRONLY | O_CREAT, 0o644)
            if page >= 0 { _ = HostileTenantFileSystemTests.page.withCString { write(page, $0, strlen($0)) }; close(page) }
            close(fd)
        }
    }

    static let longName = String(repeating: "a", count: 250)

    static let cases: [InvalidCase] = [
        // FIFOs were opened before their type was checked: open() blocked, the build hung forever.
        project("content-special-file--fifo-as-asset", isolated: true,
                expect: ["content/acme/assets/pipe.png:1:1: error: 'pipe.png' is a FIFO; only regular files and folders are read [content-special-file]"],
                setup: fifo("content/acme/assets/pipe.png")),
        project("content-special-file--fifo-as-page", isolated: true,
                expect: ["content/acme/stuck.md:1:1: error: 'stuck.md' is a FIFO; only regular files and folders are read [content-special-file]"],
                setup: fifo("content/acme/stuck.md")),
        project("content-special-file--fifo-as-tenant-yaml", isolated: true,
                expect: ["content/acme/tenant.yaml:1:1: error: 'tenant.yaml' is a FIFO; only regular files and folders are read [content-special-file]"],
                setup: fifo("content/acme/tenant.yaml")),

        // A folder name that is not UTF-8 was decoded lossily, then "not found": `cannot read
        // content/` (exit 74, no tenant named). Now located at the folder holding it, the name
        // shown byte for byte.
        project("content-name-encoding--folder-name-not-utf8",
                expect: [#"content/acme:1:1: error: the name 'caf\xE9' in this folder is not valid UTF-8 (its bytes are shown escaped); file and folder names become URLs [content-name-encoding]"#],
                setup: { root in
                    let path = Array(root.appendingPathComponent("content/acme").path.utf8) + [UInt8(ascii: "/")] + Array("caf".utf8) + [0xE9, 0]
                    guard path.withUnsafeBufferPointer({ mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) }) == 0 else {
                        throw POSIXError.fromErrno
                    }
                }),

        // 20 nested folders of 250-byte names: over PATH_MAX from the project root (it failed with
        // `cannot read content/`, exit 74). Refused where the path inside the tenant passes 1024 bytes.
        project("content-path-too-long--folders-past-PATH_MAX",
                expect: ["content/acme/" + Array(repeating: longName, count: 5).joined(separator: "/")
                         + ":1:1: error: the path is 1254 bytes long inside the tenant folder; the limit is 1024 [content-path-too-long]"],
                setup: nestedFolders(Array(repeating: longName, count: 20))),

        // 17 nested folders: one more than the depth limit (they were walked and published).
        project("content-too-deep--17-nested-folders",
                expect: ["content/acme/" + Array(repeating: "d", count: 17).joined(separator: "/")
                         + ":1:1: error: folders are nested more than 16 deep in the tenant folder [content-too-deep]"],
                setup: nestedFolders(Array(repeating: "d", count: 17))),
    ]

    @Test("hostile tenant file system fails cleanly", arguments: cases)
    func hostileFileSystemFailsCleanly(_ testCase: InvalidCase) {
        InvalidBuildHarness.check(testCase)
    }

    // MARK: - After a build: the stat cache and the output folder

    final class Project {
        let root = TestProject.temporaryDirectory("hostile-fs")
        var output: URL { root.appendingPathComponent("out/site") }

        init(assets: [String: String] = ["assets/logo.txt": "logo\n"]) throws {
            var files = ["content/acme/tenant.yaml": HostileTenantFileSystemTests.tenantYAML, "content/acme/index.md": HostileTenantFileSystemTests.page]
            for (path, text) in assets { files["content/acme/" + path] = text }
            try TestProject.write(files, into: root)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// A build at `clock` (seconds from now: the stat cache remembers only settled files),
        /// on a thread of its own so that a hang fails instead of stalling the suite.
        func build(clock: Int, output: URL? = nil) -> InvalidBuildHarness.Outcome? {
            var options = BuildOptions(root: root, output: output ?? self.output, jobs: 2)
            options.clock = Int(time(nil)) + clock
            return InvalidBuildHarness.runInProcess(options, limit: .seconds(60))
        }
    }

    /// The stat cache's folder layouts must not let a link or FIFO swapped in after a cached
    /// build be read: the rebuild refuses them as a full scan does, and the site stays as it was.
    @Test(arguments: ["link", "fifo"])
    func swapAfterACachedBuildIsRefused(_ kind: String) throws {
        let project = try Project()
        let first = try #require(project.build(clock: 10))
        #expect(first.succeeded)
        let statCache = InputStatCache.read(InputStatCache.path(forOutput: project.output),
                                            contentRoot: project.root.appendingPathComponent("content").resolvingSymlinksInPath().path)
        #expect(statCache.layout(for: "acme") != nil, "the first build's layout was not remembered")
        let published = TestProject.snapshot(project.output)

        let asset = project.root.appendingPathComponent("content/acme/assets/logo.txt")
        try FileManager.default.removeItem(at: asset)
        if kind == "link" {
            try FileManager.default.createSymbolicLink(atPath: asset.path, withDestinationPath: "/etc/passwd")
        } else {
            #expect(mkfifo(asset.path, 0o644) == 0)
        }
        let outcome = try #require(project.build(clock: 20), "the rebuild hung")
        let code = kind == "link" ? "content-symlink" : "content-special-file"
        #expect(!outcome.succeeded && outcome.exitStatus == 65 && outcome.codes == [code], "\(outcome.lines)")
        #expect(outcome.lines.allSatisfy { $0.hasPrefix("content/acme/assets/logo.txt:1:1: error: ") }, "\(outcome.lines)")
        #expect(TestProject.snapshot(project.output) == published)
    }

    /// `TenantLayout.source` on its own: even if every folder stamp matched (a stamp collision),
    /// a file that became a link is not examined through it.
    @Test func cachedLayoutDoesNotFollowALinkInAFilesPlace() throws {
        let project = try Project()
        let content = project.root.appendingPathComponent("content")
        let later = Int(time(nil)) + 10
        let scanned = try ContentScanner.scan(root: project.root, displayRoot: "", now: later)
        let layout = try #require(scanned.tenants.first?.layout)
        let asset = content.appendingPathComponent("acme/assets/logo.txt")
        try FileManager.default.removeItem(at: asset)
        try FileManager.default.createSymbolicLink(atPath: asset.path, withDestinationPath: "/etc/passwd")
        // The folders' stamps as they are now: only the file check stands between the link and a read.
        let rescanned = try ContentScanner.scan(root: project.root, displayRoot: "", now: later)
        #expect(rescanned.diagnostics.map(\.code) == ["content-symlink"])
        var stamps: [TenantLayout.Folder] = []
        for folder in layout.folders {
            var info = stat()
            #expect(lstat(content.appendingPathComponent("acme/" + folder.path).path, &info) == 0)
            stamps.append(TenantLayout.Folder(path: folder.path, stamp: FileStamp(info)))
        }
        let forged = TenantLayout(folders: stamps, pages: layout.pages, assets: layout.assets)
        let fd = open(content.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        #expect(forged.source(id: "acme", directory: content.path + "/acme", displayPrefix: "content/acme", content: fd) == nil)
    }

    /// A tenant over a lowered limit is refused even when the stat cache would let its files go unread.
    @Test func loweredLimitAppliesToCachedTenants() throws {
        let project = try Project(assets: ["assets/big.txt": String(repeating: "x", count: 100)])
        #expect(try #require(project.build(clock: 10)).succeeded)
        try TestProject.write(["embedsmith.yaml": "build:\n  limits:\n    assetBytes: 50\n"], into: project.root)
        let outcome = try #require(project.build(clock: 20))
        #expect(outcome.lines == ["content/acme/assets/big.txt:1:1: error: the asset is 100 bytes; the limit is 50 bytes (build.limits.assetBytes) [content-too-large]"])
    }

    /// Assets are copied in chunks and hashed on the way: a file of several chunks arrives
    /// byte for byte, and the manifest records its hash.
    @Test func streamedAssetCopyIsExact() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<(TenantFileReader.chunkBytes * 2 + 12_345)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let project = try Project()
        try bytes.write(to: project.root.appendingPathComponent("content/acme/assets/blob.bin"))
        #expect(try #require(project.build(clock: 0)).succeeded)
        #expect(FileManager.default.contents(atPath: project.output.appendingPathComponent("acme/assets/blob.bin").path) == bytes)
        let manifest = String(decoding: FileManager.default.contents(atPath: project.output.appendingPathComponent(".embedsmith/manifest.json").path) ?? Data(), as: UTF8.self)
        #expect(manifest.contains(ContentHash.sha256Hex(bytes)))
    }

    /// Two spellings of one output folder (the folder and a link to it) are one output: while a
    /// build holds the lock through one, a build through the other stops with output-busy.
    @Test func twoSpellingsOfTheOutputShareOneLock() throws {
        let project = try Project()
        try FileManager.default.createDirectory(at: project.output, withIntermediateDirectories: true)
        let link = project.root.appendingPathComponent("site-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: project.output.path)
        do {
            guard case .success(let lock) = OutputLock.acquire(for: RealOutputFolder.resolve(project.output)) else {
                Issue.record("could not take the lock")
                return
            }
            let outcome = try #require(project.build(clock: 0, output: link))
            #expect(!outcome.succeeded && outcome.exitStatus == 74 && outcome.codes == ["output-busy"], "\(outcome.lines)")
            withExtendedLifetime(lock) {}
        }
        // Once free, a build through the link writes the real folder and leaves the link a link.
        #expect(try #require(project.build(clock: 0, output: link)).succeeded)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == project.output.path)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("acme/index.html").path))
    }
}
