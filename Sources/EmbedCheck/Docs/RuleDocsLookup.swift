extension RuleDocs {
    /// The Markdown page of a rule (`docs/rules/<id>.md`, compiled in by the EmbedFiles plugin).
    public static func page(for id: String) -> String? { files[id + ".md"] }
}
