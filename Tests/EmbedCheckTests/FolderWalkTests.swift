@testable import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// The walk of a folder given to `check` reads it through the same seam as the builder reads a
/// tenant folder, and shows what it refuses the same way.
@Suite struct FolderWalkTests {
    /// A name that is not UTF-8 is shown by its bytes (`\xE9`), as `build` shows it, not as
    /// replacement characters that hide which bytes it holds.
    @Test func aNameThatIsNotUTF8IsShownEscapedAsBuildShowsIt() throws {
        let root = TestProject.temporaryDirectory("check-names")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<p>ok</p>".utf8).write(to: root.appendingPathComponent("ok.html"))
        let path = Array(root.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".html".utf8)
        let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)
        let listing = CheckInputs.list([root.path])
        let problem = try #require(listing.problems.first { $0.code == "input-name-encoding" })
        #expect(problem.message.contains(#"'caf\xE9.html'"#), "\(problem.message)")
        #expect(!problem.message.contains("\u{FFFD}"))
        #expect(problem.message == "entry '" + FileName.escaped(Array("caf".utf8) + [0xE9] + Array(".html".utf8))
                    + "' has a name that is not valid UTF-8 (its bytes are shown escaped); it cannot be checked")
        #expect(listing.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["ok.html"])
    }

    /// A sub-folder replaced by a link after it was listed is not walked through the link:
    /// below the folder given, folders are opened with O_NOFOLLOW.
    @Test func aSubfolderLinkIsNotListedAsAFolder() throws {
        let root = TestProject.temporaryDirectory("check-nofollow")
        let outside = TestProject.temporaryDirectory("check-outside")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try TestProject.write(["secret.html": "<p onclick=x>secret</p>\n"], into: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("docs").path, withDestinationPath: outside.path)
        guard case .failure(let failure) = FolderWalk.entries(of: root.appendingPathComponent("docs").path, followingLink: false) else {
            Issue.record("a link to a folder was opened as a folder")
            return
        }
        #expect(failure.code == ELOOP || failure.code == ENOTDIR)
        let listing = CheckInputs.list([root.path])
        #expect(listing.files.isEmpty)
        #expect(listing.problems.map(\.code).contains("input-link-outside"))
    }
}
