import EmbedCore

enum EmbedCoreDiagnostic {
    static func make() -> Diagnostic {
        .error("config-unknown-key", "unknown key \"colour\"\nforged line <script>", at: SourceLocation(file: "content/acme/tenant.yaml", line: 3, column: 5),
               hint: "did you mean color?")
    }
}
