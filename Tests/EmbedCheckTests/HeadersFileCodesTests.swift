import EmbedCheck
import Foundation
import Testing

/// The `_headers` file's own codes: each has an `explain` page whose example gets that code,
/// and docs/rules/README.md lists exactly these codes.
@Suite struct HeadersFileCodesTests {
    @Test(arguments: HeadersFileCodes.all.map(\.id))
    func pageAndExample(_ id: String) throws {
        let code = try #require(HeadersFileCodes.code(id))
        #expect(code.page.hasPrefix("# \(id)\n"))
        #expect(code.page.contains("## Why") && code.page.contains("## Example"))
        guard !code.badExample.isEmpty else { return }
        #expect(HeadersFile(text: code.badExample).problems.contains { $0.code == id && $0.severity == .error },
                "the example of \(id) does not get it")
    }

    @Test func unreadableExampleGetsItsCode() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("headers-codes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("acme"), withIntermediateDirectories: true)
        try "/*\n  X-Content-Type-Options: nosniff\n".write(to: root.appendingPathComponent("shared_headers"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("acme/_headers").path, withDestinationPath: "../shared_headers")
        try "<title>t</title>".write(to: root.appendingPathComponent("acme/index.html"), atomically: true, encoding: .utf8)
        let lookup = HeadersLookup(roots: [root.path], pages: [root.appendingPathComponent("acme/index.html").path])
        #expect(lookup.fileResults.flatMap(\.diagnostics).map(\.code) == ["headers-unreadable"])
    }

    @Test func docsReadmeListsTheSameCodes() throws {
        let readme = try String(contentsOf: CheckPaths.ruleDocs.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### The `_headers` file itself").last)
        let table = section.components(separatedBy: "\n\n").first { $0.contains("| code |") } ?? ""
        let listed = table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(listed == HeadersFileCodes.all.map(\.id))
    }
}
