/// Compiler style, as every embedsmith diagnostic: `file:line:col: error: message [rule-id]`
/// and an indented `hint:` line.
struct TextReport: CheckReport {
    let write: (String) -> Void

    mutating func begin() {}

    mutating func file(_ result: CheckRunner.FileResult) {
        guard !result.diagnostics.isEmpty else { return }
        write(result.diagnostics.map(\.description).joined(separator: "\n") + "\n")
    }

    mutating func end(_ summary: CheckSummary) {
        write(summary.line + "\n")
    }
}
