/// Writes a check run in one output format, streaming: a header, each file's findings as
/// soon as they are known, and a footer with the totals.
public protocol CheckReport {
    mutating func begin()
    mutating func file(_ result: CheckRunner.FileResult)
    mutating func end(_ summary: CheckSummary)
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif

    /// A report writing its main output through `out` and human notes through `err`.
    public func makeReport(out: @escaping (String) -> Void, err: @escaping (String) -> Void) -> any CheckReport {
        switch self {
        case .text: return TextReport(write: err)
        case .json: return JSONReport(write: out)
        case .github: return GitHubReport(write: out, notes: err)
        case .sarif: return SARIFReport(write: out)
        }
    }
}
