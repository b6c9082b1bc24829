import EmbedCore
import Foundation
import Testing

/// EmbedCore's file-system seam, shared by `build` (tenant folders) and `check` (a site):
/// folders listed without following links, entries typed without opening them, files opened
/// no-follow and non-blocking, kept only when regular and small enough, read within a bound.
@Suite struct FileSystemSeamTests {
    static func folder() throws -> URL {
        let root = TestProject.temporaryDirectory("seam")
        try TestProject.write(["b.txt": "bee\n", "a.md": "# a\n", ".hidden": "x", "sub/c.txt": "c"], into: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "/etc/passwd")
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o644) == 0)
        return root
    }

    @Test func aListingIsSortedSkipsHiddenAndTypesEntriesWithoutFollowing() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try #require(OpenFolder.open(root.path, in: AT_FDCWD))
        let (status, entries) = try folder.list()
        #expect(status != nil)
        #expect(entries.map(\.name) == ["a.md", "b.txt", "link", "pipe", "sub"])
        #expect(entries.map(\.kind) == [.file, .file, .symlink, .fifo, .folder])
        // Files are examined by default (their stamp), links and folders are not.
        #expect(entries.map { $0.status != nil } == [true, true, false, false, false])
        #expect(entries[1].status?.st_size == 4)
        // A folder is opened below its parent's descriptor, never through a link.
        #expect(OpenFolder.open("sub", in: folder.descriptor) != nil)
        #expect(OpenFolder.open("link", in: folder.descriptor) == nil && (errno == ELOOP || errno == ENOTDIR))
    }

    @Test func aNameThatIsNotUTF8IsShownByItsBytes() throws {
        #expect(FileName.display(Array("café".utf8)) == ("café", true))
        let shown = FileName.display(Array("caf".utf8) + [0xE9, 0x5C, 0x0A])
        #expect(shown.name == #"caf\xE9\x5C\x0A"# && !shown.isUTF8)
    }

    @Test func onlyRegularFilesWithinTheLimitAreOpened() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try #require(OpenFolder.open(root.path, in: AT_FDCWD))
        #expect(RegularFile.open("link", in: folder.descriptor, limit: 100).failure == .symlink)
        // The FIFO is opened non-blocking (no writer: a blocking open would hang) and refused.
        #expect(RegularFile.open("pipe", in: folder.descriptor, limit: 100).failure == .notRegular(.fifo))
        #expect(RegularFile.open("pipe", in: folder.descriptor, lookFirst: true, limit: 100).failure == .notRegular(.fifo))
        #expect(RegularFile.open("sub", in: folder.descriptor, limit: 100).failure == .notRegular(.folder))
        #expect(RegularFile.open("b.txt", in: folder.descriptor, limit: 3).failure == .tooLarge(size: 4, limit: 3))
        let opened = try #require(try? RegularFile.open("b.txt", in: folder.descriptor, limit: 4).get())
        defer { close(opened.descriptor) }
        #expect(opened.size == 4)
        #expect(try RegularFile.readAll(opened.descriptor, expected: opened.size, limit: 4).get() == Array("bee\n".utf8))
    }

    /// A file that grew past the limit after its `fstat` is refused while it is read.
    @Test func readsStopPastTheLimit() throws {
        let root = TestProject.temporaryDirectory("seam-limit")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestProject.write(["big": String(repeating: "x", count: 10_000)], into: root)
        let fd = open(root.appendingPathComponent("big").path, O_RDONLY)
        defer { close(fd) }
        var chunks = 0
        #expect(RegularFile.stream(fd, limit: 9_999) { _ in chunks += 1; return nil }.failure == .tooLarge(size: 10_000, limit: 9_999))
        #expect(chunks == 0)
        lseek(fd, 0, SEEK_SET)
        #expect(RegularFile.readAll(fd, expected: 100, limit: 9_999).failure == .tooLarge(size: 10_000, limit: 9_999))
        lseek(fd, 0, SEEK_SET)
        #expect(RegularFile.stream(fd, limit: 10_000) { _ in EPIPE }.failure == .consumer(EPIPE))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
