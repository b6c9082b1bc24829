/// `--format json`: one JSON document on stdout, findings streamed as they come:
/// `{"version":1,"findings":[{"file","line","column","severity","rule","message","hint"}…],"summary":{…}}`.
struct JSONReport: CheckReport {
    let write: (String) -> Void
    private var first = true

    init(write: @escaping (String) -> Void) { self.write = write }

    mutating func begin() { write("{\"version\":1,\"tool\":\"embedsmith\",\"findings\":[") }

    mutating func file(_ result: CheckRunner.FileResult) {
        for diagnostic in result.diagnostics {
            var item = "{\"file\":" + JSONText.quoted(diagnostic.location?.file ?? result.file)
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
