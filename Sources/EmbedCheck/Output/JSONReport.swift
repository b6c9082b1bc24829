import EmbedCore

/// `--format json`: one JSON document on stdout, findings streamed as they come:
/// `{"version":1,"findings":[{"file","line","column","severity","rule","message","hint"}…],"summary":{…}}`.
/// Strings are display-escaped (`DisplayText.escaped`: `\n`, `\u{1B}`, `\u{202E}` as text), not
/// the raw bytes of the page: a consumer that prints them to a terminal or a log cannot be
/// driven by a checked page. A file name that needs escaping no longer names the file on disk.
struct JSONReport: CheckReport {
    let write: (String) -> Void
    private var first = true

    init(write: @escaping (String) -> Void) { self.write = write }

    mutating func begin() { write("{\"version\":1,\"tool\":\"embedsmith\",\"findings\":[") }

    mutating func file(_ result: CheckRunner.FileResult) {
        for raw in result.diagnostics {
            let diagnostic = raw.escapedForDisplay
            var item = "{\"file\":" + JSONText.quoted(diagnostic.location?.file ?? DisplayText.escaped(result.file))
            item += ",\"line\":\(diagnostic.location?.line ?? 1),\"column\":\(diagnostic.location?.column ?? 1)"
            item += ",\"severity\":" + JSONText.quoted(diagnostic.severity.rawValue)
            item += ",\"rule\":" + JSONText.quoted(diagnostic.code)
            item += ",\"message\":" + JSONText.quoted(diagnostic.message)
            item += ",\"hint\":" + (diagnostic.hint.map(JSONText.quoted) ?? "null") + "}"
            write((first ? "\n" : ",\n") + item)
            first = false
        }
    }

    mutating func end(_ summary: CheckSummary) {
        write("\n],\"summary\":{\"files\":\(summary.files),\"errors\":\(summary.errors),\"warnings\":\(summary.warnings)"
              + ",\"unreadable\":\(summary.unreadable),\"exitCode\":\(summary.exitStatus.rawValue)}}\n")
    }
}
