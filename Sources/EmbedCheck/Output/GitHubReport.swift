import EmbedCore

/// `--format github`: GitHub Actions workflow commands, one annotation per finding
/// (`::error file=…,line=…,col=…,title=rule-id::message`), shown on the pull request diff.
/// Text is display-escaped first (no line break, escape sequence or bidi control of a checked
/// page reaches the log), then escaped as workflow commands require: `%`, CR and LF in the
/// message; those and `:` and `,` in properties.
struct GitHubReport: CheckReport {
    let write: (String) -> Void
    let notes: (String) -> Void

    mutating func begin() {}

    mutating func file(_ result: CheckRunner.FileResult) {
        for raw in result.diagnostics {
            let diagnostic = raw.escapedForDisplay
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties = "file=" + Self.property(diagnostic.location?.file ?? DisplayText.escaped(result.file))
            if let location = diagnostic.location { properties += ",line=\(location.line),col=\(location.column)" }
            properties += ",title=" + Self.property(diagnostic.code)
            var message = diagnostic.message + " [\(diagnostic.code)]"
            if let hint = diagnostic.hint { message += "\nhint: " + hint }
            write("::\(command) \(properties)::\(Self.data(message))\n")
        }
    }

    mutating func end(_ summary: CheckSummary) { notes(summary.line + "\n") }

    static func data(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    static func property(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces single characters by strings in one pass.
    func replacingAll(_ table: [Character: String]) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self { if let r = table[c] { out += r } else { out.append(c) } }
        return out
    }
}
