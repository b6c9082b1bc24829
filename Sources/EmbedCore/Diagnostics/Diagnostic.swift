/// How bad a finding is. Errors fail a build (exit 65) or a check (exit 1).
public enum Severity: String, Sendable, Hashable, Comparable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One message for the user: where, how bad, a stable code and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// Stable identifier (e.g. `config-unknown-key`), documented and tested: a `DiagnosticCode`'s
    /// text (kept as text: reports and tests compare and print it).
    public var code: String
    public var message: String
    public var location: SourceLocation?
    /// A one-line suggestion printed on its own line.
    public var hint: String?

    public init(_ severity: Severity = .error, code: DiagnosticCode, message: String,
                at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.code = code.rawValue
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil,
                             hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, at: location, hint: hint)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil,
                               hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, at: location, hint: hint)
    }

    /// This diagnostic with its file name, message, code and hint display-escaped
    /// (`DisplayText.escaped`): what every output format writes, so no input can break a line,
    /// forge another diagnostic or drive the terminal that shows it.
    public var escapedForDisplay: Diagnostic {
        var copy = self
        copy.message = DisplayText.escaped(message)
        copy.code = DisplayText.escaped(code)
        copy.hint = hint.map(DisplayText.escaped)
        copy.location?.file = DisplayText.escaped(location?.file ?? "")
        return copy
    }

    /// Compiler style: `file:line:col: error: message [code]`, and the hint on a line of its own;
    /// display-escaped, the text form every command prints.
    public var description: String {
        let shown = escapedForDisplay
        var text = ""
        if let location = shown.location { text += "\(location.file):\(location.line):\(location.column): " }
        text += "\(severity.rawValue): \(shown.message) [\(shown.code)]"
        if let hint = shown.hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for printing: by file, line, column, then code.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (a.code, a.message) < (b.code, b.message)
            }
        }
    }
}

/// Several diagnostics as one error value (`Result<T, DiagnosticList>`).
public struct DiagnosticList: Error, Sendable, ExpressibleByArrayLiteral {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(arrayLiteral elements: Diagnostic...) { self.diagnostics = elements }
}

public func += (lhs: inout [Diagnostic], rhs: DiagnosticList) { lhs += rhs.diagnostics }
