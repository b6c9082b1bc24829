import EmbedCore

/// Totals of a check run and the exit status they mean.
public struct CheckSummary: Sendable {
    public var files = 0
    public var errors = 0
    public var warnings = 0
    /// Files or paths that could not be read (missing, not UTF-8, too large).
    public var unreadable = 0
    /// `--max-warnings`: more warnings than this fail the run; nil means no limit.
    public var maxWarnings: Int?

    public init(maxWarnings: Int? = nil) { self.maxWarnings = maxWarnings }

    public mutating func count(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
    }

    public var tooManyWarnings: Bool { maxWarnings.map { warnings > $0 } ?? false }

    /// 65 when some input could not be read (the check is incomplete), else 1 for errors or
    /// too many warnings, else 0.
    public var exitStatus: ExitStatus {
        if unreadable > 0 { return .invalidInput }
        if errors > 0 || tooManyWarnings { return .findings }
        return .success
    }

    /// "checked 12 files: 2 errors, 1 warning".
    public var line: String {
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if unreadable > 0 { parts.append("\(unreadable) unreadable input\(unreadable == 1 ? "" : "s")") }
        var text = "checked \(files) file\(files == 1 ? "" : "s"): " + (parts.isEmpty ? "no problems" : parts.joined(separator: ", "))
        if tooManyWarnings, let maxWarnings { text += " (more than --max-warnings \(maxWarnings))" }
        return text
    }
}
