// Generated from docs/rules/*.md by RuleDocsTests: run `EMBEDSMITH_RECORD=1 swift test --filter RuleDocs`. Do not edit.

/// The documentation page of every rule, compiled into the tool for `embedsmith explain`.
public enum RuleDocs {
    public static let pages: [String: String] = [:]
}
