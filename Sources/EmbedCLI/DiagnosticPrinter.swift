import ArgumentParser
import EmbedCore
import Foundation

/// Prints diagnostics compiler-style on stderr, errors and warnings counted at the end.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if !counts.isEmpty { text += counts.joined(separator: ", ") + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A command's end: its diagnostics, then on failure what was left as it was (stderr)
    /// and the exit status.
    static func finish(_ diagnostics: [Diagnostic], succeeded: Bool, status: ExitStatus, failure: String) throws {
        print(diagnostics)
        guard succeeded else {
            FileHandle.standardError.write(Data((failure + "\n").utf8))
            throw ExitCode(status.rawValue)
        }
    }

    /// `1.23`: seconds since `start`, as the summary lines print them.
    static func seconds(since start: Date) -> String {
        String(format: "%.2f", Date().timeIntervalSince(start))
    }
}
