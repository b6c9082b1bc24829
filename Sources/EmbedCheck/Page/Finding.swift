import EmbedCore

/// One problem a rule found in a page, before it is tied to a file.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var hint: String?
    public var position: Position
    /// `order` of the element it is about, for `embedsmith-disable-next-element`.
    public var elementOrder: Int

    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(severity, code: DiagnosticCode(rule), message: message,
                   at: SourceLocation(file: file, line: position.line, column: position.column), hint: hint)
    }
}
