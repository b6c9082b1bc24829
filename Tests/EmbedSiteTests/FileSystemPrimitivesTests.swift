@testable import EmbedSite
import Foundation
import Testing

/// The plain-system-call readers and writers the build uses instead of FileManager.
@Suite struct FileSystemPrimitivesTests {
    /// A manifest of several tenants, with ids that sort around each other ("a", "a-b", "été").
    static func sampleManifest() -> Manifest {
        var manifest = Manifest()
        manifest.inputs = ["content/acme/index.md": "aa11", "templates/layouts/page.mustache": "bb22", "content/été/x.md": "cc33",
                           "content/a/index.md": "a1", "content/a-b/index.md": "a2", "content/a/z.md": "a3", "content/acme/tenant.yaml": "a4"]
        manifest.outputs = ["acme/index.html": "dd44", "acme/assets/embedsmith/theme.0123456789.css": "ee55", "été/x.html": "e1",
                            "a/index.html": "a5", "a-b/index.html": "a6", "a/z.html": "a7"]
        manifest.tenantKeys = ["acme": "ff66", "été": "0077", "a": "k1", "a-b": "k2"]
        return manifest
    }

    /// A chunk's entries, read back with a JSON parser.
    static func entries(_ chunk: ManifestChunk?) throws -> [String: String] {
        guard let chunk else { return [:] }
        let object = try JSONSerialization.jsonObject(with: Data("{".utf8 + chunk.lines + "}".utf8))
        return try #require(object as? [String: String])
    }

    @Test func manifestLinesIndexWhatManifestWrites() throws {
        let manifest = Self.sampleManifest()
        let encoded = manifest.encoded()
        let index = try #require(ManifestLines.index(encoded))
        #expect(index.tenantKeys == manifest.tenantKeys)
        #expect(Set(index.inputs.keys) == ["acme", "été", "a", "a-b"])
        #expect(try Self.entries(index.inputs["a"]) == ["content/a/index.md": "a1", "content/a/z.md": "a3"])
        #expect(try Self.entries(index.outputs["acme"]) == ["acme/index.html": "dd44", "acme/assets/embedsmith/theme.0123456789.css": "ee55"])
        let json = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(json["outputs"] as? [String: String] == manifest.outputs)

        // Rebuilt from the chunks alone (templates from their entries), it is the same file.
        var copied = Manifest()
        copied.inputs = ["templates/layouts/page.mustache": "bb22"]
        copied.tenantKeys = manifest.tenantKeys
        copied.inputChunks = Array(index.inputs.values)
        copied.outputChunks = Array(index.outputs.values)
        #expect(copied.encoded() == encoded)
    }

    @Test func chunksMadeFromEntriesEncodeLikeEntries() throws {
        let manifest = Self.sampleManifest()
        var chunked = Manifest()
        chunked.tenantKeys = manifest.tenantKeys
        chunked.inputs = manifest.inputs.filter { $0.key.hasPrefix("templates/") }
        for tenant in manifest.tenantKeys.keys {
            chunked.inputChunks += [ManifestChunk(entries: manifest.inputs.filter { PreviousManifest.tenant(ofInput: $0.key) == tenant })].compactMap { $0 }
            chunked.outputChunks += [ManifestChunk(entries: manifest.outputs.filter { PreviousManifest.tenant(ofOutput: $0.key) == tenant })].compactMap { $0 }
        }
        #expect(chunked.encoded() == manifest.encoded())
    }

    @Test func manifestLinesGiveUpOnAnythingElse() {
        var escaped = Manifest()
        escaped.outputs = ["a\"b/index.html": "11"]   // written with a backslash escape
        #expect(ManifestLines.index(escaped.encoded()) == nil)
        #expect(ManifestLines.index(Data("{\"inputs\": {\"a\": \"b\"}}".utf8)) == nil)   // JSON on one line
        #expect(ManifestLines.index(Data("{\n  \"inputs\": {\n    \"a\": \"b\",\n".utf8)) == nil)   // cut short
        #expect(ManifestLines.index(Data("{\n  \"inputs\": {\n    \"a\": b\n  }\n}\n".utf8)) == nil)
        #expect(ManifestLines.index(Data()) == nil)
        for cut in ["    \"a\": \"", "    \"a\"", "    \"\"", "    \"", "  \"x\": {", "  \": {"] {   // lines cut anywhere
            #expect(ManifestLines.index(Data("{\n  \"inputs\": {\n\(cut)\n  }\n}\n".utf8)) == nil, "\(cut)")
        }
        // A tenant's lines split by another's (not sorted): its chunk would be wrong.
        let split = "{\n  \"outputs\": {\n    \"a/x\": \"1\",\n    \"b/y\": \"2\",\n    \"a/z\": \"3\"\n  }\n}\n"
        #expect(ManifestLines.index(Data(split.utf8)) == nil)
    }

    @Test func previousManifestGroupsByTenant() throws {
        let out = TestProject.temporaryDirectory("previous-manifest")
        defer { try? FileManager.default.removeItem(at: out) }
        var manifest = Manifest()
        manifest.inputs = ["content/acme/index.md": "1", "content/globex/a/b.md": "2", "templates/layouts/page.mustache": "3"]
        manifest.outputs = ["acme/index.html": "4", "acme/help/faq.html": "5", "globex/a/b.html": "6"]
        manifest.tenantKeys = ["acme": "k1", "globex": "k2"]
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".embedsmith"), withIntermediateDirectories: true)
        try manifest.encoded().write(to: out.appendingPathComponent(OutputStaging.manifestPath))
        let previous = PreviousManifest.read(out)
        #expect(previous.tenants == ["acme", "globex"])
        #expect(try Self.entries(previous.outputs(of: "acme")) == ["acme/index.html": "4", "acme/help/faq.html": "5"])
        #expect(try Self.entries(previous.inputs(of: "globex")) == ["content/globex/a/b.md": "2"])
        #expect(previous.inputs(of: "") == nil)
        #expect(previous.tenantKeys == manifest.tenantKeys)
    }

    /// A manifest the line reader refuses (an escaped name) is read as JSON, to the same chunks.
    @Test func previousManifestFallsBackToJSON() throws {
        let out = TestProject.temporaryDirectory("previous-manifest-json")
        defer { try? FileManager.default.removeItem(at: out) }
        var manifest = Manifest()
        manifest.inputs = ["content/a\"b/index.md": "1", "content/c/index.md": "2"]
        manifest.outputs = ["a\"b/index.html": "3", "c/index.html": "4"]
        manifest.tenantKeys = ["a\"b": "k1", "c": "k2"]
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".embedsmith"), withIntermediateDirectories: true)
        try manifest.encoded().write(to: out.appendingPathComponent(OutputStaging.manifestPath))
        let previous = PreviousManifest.read(out)
        #expect(previous.tenants == ["a\"b", "c"])
        #expect(try Self.entries(previous.outputs(of: "a\"b")) == ["a\"b/index.html": "3"])
        var copied = Manifest()
        copied.tenantKeys = previous.tenantKeys
        copied.inputChunks = ["a\"b", "c"].compactMap { previous.inputs(of: $0) }
        copied.outputChunks = ["a\"b", "c"].compactMap { previous.outputs(of: $0) }
        #expect(copied.encoded() == manifest.encoded())
    }

    @Test func directoryListingIsSortedSkipsHiddenAndNeverFollowsLinks() throws {
        let dir = TestProject.temporaryDirectory("listing")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestProject.write(["b.md": "", "a/x.md": "", ".hidden": "", "target/y": ""], into: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: dir.path + "/target")
        let entries = try DirectoryListing.entries(dir.path)
        #expect(entries.map(\.name) == ["a", "b.md", "link", "target"])
        #expect(entries.map(\.isFolder) == [true, false, false, true])
        let raw = try DirectoryListing.entries(dir.path, includingHidden: true)
        #expect(raw.map(\.name) == [".hidden", "a", "b.md", "link", "target"])
        #expect(raw.first { $0.name == "link" }?.isFolder == false)
        #expect(throws: (any Error).self) { try DirectoryListing.entries(dir.path + "/missing") }
    }

    @Test func folderRemovalDeletesTheTreeButNotWhatLinksPointTo() throws {
        let dir = TestProject.temporaryDirectory("removal")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestProject.write(["site/t1/index.html": "x", "site/t1/assets/a.css": "y", "site/.embedsmith/manifest.json": "{}",
                               "site/t2/deep/er/page.html": "z", "keep/precious.txt": "p"], into: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/site/t2/escape", withDestinationPath: dir.path + "/keep")
        try FolderRemoval.remove(dir.path + "/site", jobs: 2)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/site"))
        #expect(FileManager.default.contents(atPath: dir.path + "/keep/precious.txt") == Data("p".utf8))
    }

    @Test func hardLinkCopyLinksEveryFileOfTheTreeHiddenOnesToo() throws {
        let dir = TestProject.temporaryDirectory("hard-link-copy")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestProject.write(["from/index.html": "i", "from/.hidden": "h", "from/help/deep/faq.html": "f"], into: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/from/help/up", withDestinationPath: dir.path + "/from")
        try HardLinkCopy.copy(dir.appendingPathComponent("from"), to: dir.appendingPathComponent("to/t"))
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: dir.path + "/" + path)[.systemFileNumber] as? Int
        }
        for file in ["index.html", ".hidden", "help/deep/faq.html"] {
            #expect(try inode("from/" + file) == inode("to/t/" + file), "\(file) is not a link to the original")
        }
        // The link is copied as a link, not followed into a loop.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/to/t/help/up") == dir.path + "/from")
    }

    @Test func fileBytesReadsWholeFilesAndRefusesFolders() throws {
        let dir = TestProject.temporaryDirectory("bytes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = String(repeating: "0123456789", count: 100_000)
        try TestProject.write(["empty": "", "big": big], into: dir)
        #expect(FileBytes.read(dir.path + "/empty") == Data())
        #expect(FileBytes.read(dir.path + "/big") == Data(big.utf8))
        #expect(FileBytes.read(dir.path) == nil)
        #expect(FileBytes.read(dir.path + "/missing") == nil)
    }

    @Test func sharedAssetsAreOneFileLinkedIntoEachTenant() throws {
        let dir = TestProject.temporaryDirectory("shared")
        defer { try? FileManager.default.removeItem(at: dir) }
        var writer = StagingWriter(root: dir.path, sharedFolder: dir.path + "/.embedsmith/shared")
        let css = Data("body{}".utf8)
        try writer.writeShared(css, named: "assets/embedsmith/x.1234567890.css", to: "t1/assets/embedsmith/x.1234567890.css")
        try writer.writeShared(css, named: "assets/embedsmith/x.1234567890.css", to: "t2/assets/embedsmith/x.1234567890.css")
        try writer.write(Data("<p>".utf8), to: "t1/deep/folder/page.html")
        let a = try FileManager.default.attributesOfItem(atPath: dir.path + "/t1/assets/embedsmith/x.1234567890.css")
        let b = try FileManager.default.attributesOfItem(atPath: dir.path + "/t2/assets/embedsmith/x.1234567890.css")
        #expect(a[.systemFileNumber] as? Int == b[.systemFileNumber] as? Int)
        #expect(FileManager.default.contents(atPath: dir.path + "/t2/assets/embedsmith/x.1234567890.css") == css)
        #expect(FileManager.default.contents(atPath: dir.path + "/t1/deep/folder/page.html") == Data("<p>".utf8))
    }
}
