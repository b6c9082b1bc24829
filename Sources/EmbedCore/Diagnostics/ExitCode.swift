/// Process exit codes shared by every command (BSD sysexits where they fit).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// `check` found errors (or more warnings than allowed).
    case findings = 1
    case usage = 64
    /// Invalid input: config, content, template, an unreadable HTML file.
    case invalidInput = 65
    case ioFailure = 74
}
