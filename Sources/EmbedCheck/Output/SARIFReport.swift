import EmbedCore

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF readers, with every rule's
/// description in the tool section and one result per finding. Texts and file names are
/// display-escaped, as in the JSON report.
struct SARIFReport: CheckReport {
    let write: (String) -> Void
    private var first = true
    private let ruleIndex: [String: Int]

    init(write: @escaping (String) -> Void) {
        self.write = write
        var index: [String: Int] = [:]
        for (i, rule) in RuleRegistry.all.enumerated() { index[rule.id] = i }
        ruleIndex = index
    }

    static func level(_ severity: String) -> String {
        switch severity {
        case "error": return "error"
        case "warning": return "warning"
        default: return "note"
        }
    }

    mutating func begin() {
        let rules = RuleRegistry.all.map { rule in
            "{\"id\":" + JSONText.quoted(rule.id)
                + ",\"name\":" + JSONText.quoted(rule.id)
                + ",\"shortDescription\":{\"text\":" + JSONText.quoted(rule.summary) + "}"
                + ",\"fullDescription\":{\"text\":" + JSONText.quoted(rule.summary) + "}"
                + ",\"help\":{\"text\":" + JSONText.quoted(RuleDocs.page(for: rule.id) ?? rule.summary) + "}"
                + ",\"defaultConfiguration\":{\"level\":" + JSONText.quoted(Self.level(rule.defaultSeverity.rawValue)) + "}}"
        }.joined(separator: ",")
        write("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
              + "\"name\":\"embedsmith\",\"rules\":[" + rules + "]}},"
              + "\"results\":[")
    }

    mutating func file(_ result: CheckRunner.FileResult) {
        for raw in result.diagnostics {
            let diagnostic = raw.escapedForDisplay
            var text = diagnostic.message
            if let hint = diagnostic.hint { text += "\nhint: " + hint }
            var item = "{\"ruleId\":" + JSONText.quoted(diagnostic.code)
            if let index = ruleIndex[diagnostic.code] { item += ",\"ruleIndex\":\(index)" }
            item += ",\"level\":" + JSONText.quoted(Self.level(diagnostic.severity.rawValue))
            item += ",\"message\":{\"text\":" + JSONText.quoted(text) + "}"
            item += ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" + JSONText.quoted(diagnostic.location?.file ?? DisplayText.escaped(result.file)) + "}"
            if let location = diagnostic.location {
                item += ",\"region\":{\"startLine\":\(max(1, location.line)),\"startColumn\":\(max(1, location.column))}"
            }
            item += "}}]}"
            write((first ? "\n" : ",\n") + item)
            first = false
        }
    }

    mutating func end(_ summary: CheckSummary) {
        write("\n]}]}\n")
    }
}
