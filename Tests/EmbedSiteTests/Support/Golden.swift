import Foundation
import Testing

/// Compares generated files with committed golden files. `EMBEDSMITH_RECORD=1 swift test`
/// rewrites the goldens; the recording run still fails so a re-record is never silent.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["EMBEDSMITH_RECORD"] == "1" }

    static func assertMatches(_ actual: [String: Data], golden dir: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = TestProject.snapshot(dir)
        if recording {
            try? FileManager.default.removeItem(at: dir)
            for (path, data) in actual {
                let url = dir.appendingPathComponent(path)
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? data.write(to: url)
            }
            Issue.record("recorded \(actual.count) golden files in \(dir.path); run again without EMBEDSMITH_RECORD", sourceLocation: sourceLocation)
            return
        }
        #expect(Set(actual.keys) == Set(expected.keys), "file list differs from \(dir.lastPathComponent) goldens (EMBEDSMITH_RECORD=1 re-records)",
                sourceLocation: sourceLocation)
        for path in actual.keys.sorted() {
            guard let want = expected[path], let got = actual[path] else { continue }
            if want != got {
                let a = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: want, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset + 1 } ?? min(a.count, b.count) + 1
                let gotLine = line <= a.count ? String(a[line - 1]) : "<end of file>"
                let wantLine = line <= b.count ? String(b[line - 1]) : "<end of file>"
                Issue.record("\(path):\(line) differs from golden\n  got:  \(gotLine)\n  want: \(wantLine)", sourceLocation: sourceLocation)
            }
        }
    }
}
