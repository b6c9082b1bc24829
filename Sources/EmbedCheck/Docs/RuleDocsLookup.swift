extension RuleDocs {
    /// The Markdown page of a rule (`docs/rules/<id>.md`).
    public static func page(for id: String) -> String? { pages[id] }
}
