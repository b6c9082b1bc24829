import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// Files in, results out in file order, unreadable input reported.
@Suite struct CheckRunnerTests {
    static func folder(_ files: [String: Data]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("embedsmith-check-\(UUID().uuidString)")
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    @Test func emitsInFileOrderWhateverFinishesFirst() throws {
        var files: [String: Data] = [:]
        for i in 0..<60 {
            // Alternate big and small pages so later files often finish first.
            let padding = i % 2 == 0 ? String(repeating: "<p title=x>filler</p>", count: 3000) : ""
            files[String(format: "p%02d.html", i)] = Data("<a href=\"javascript:\(i)\">x</a>\(padding)".utf8)
        }
        let root = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let listing = CheckInputs.list([root.path])
        #expect(listing.files.count == 60 && listing.problems.isEmpty)
        var seen: [String] = []
        CheckRunner(checker: PageChecker(), jobs: 4).run(listing.files) { seen.append($0.file) }
        #expect(seen == listing.files)
        #expect(seen == seen.sorted())
    }

    @Test func unreadableInputIsReportedNotChecked() throws {
        let root = try Self.folder([
            "ok.html": Data("<p>ok</p>".utf8),
            "latin1.html": Data([0x3C, 0x70, 0x3E, 0x0A, 0x63, 0x61, 0x66, 0xE9]),
            "bom.html": Data([0xEF, 0xBB, 0xBF] + Array("<a onclick=x>".utf8)),
            "notes.txt": Data("not html".utf8),
            ".hidden/x.html": Data("<p onclick=x>".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let listing = CheckInputs.list([root.path, root.appendingPathComponent("missing.html").path])
        #expect(listing.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["bom.html", "latin1.html", "ok.html"])
        #expect(listing.problems.map(\.code) == ["input-missing"])
        let runner = CheckRunner(checker: PageChecker())
        let latin1 = runner.checkFile(root.appendingPathComponent("latin1.html").path)
        #expect(latin1.unreadable)
        #expect(latin1.diagnostics.first?.code == "input-encoding")
        #expect(latin1.diagnostics.first?.location?.line == 2 && latin1.diagnostics.first?.location?.column == 4)
        // A BOM is dropped before parsing: columns are those an editor shows.
        let bom = runner.checkFile(root.appendingPathComponent("bom.html").path)
        let handler = try #require(bom.diagnostics.first { $0.code == "inline-event-handler" })
        #expect(handler.location?.line == 1 && handler.location?.column == 4)
        #expect(runner.checkFile(root.path).unreadable)
    }

    @Test func anEmptyFolderIsAProblem() throws {
        let root = try Self.folder(["readme.txt": Data("x".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CheckInputs.list([root.path]).problems.map(\.code) == ["input-empty"])
    }
}
