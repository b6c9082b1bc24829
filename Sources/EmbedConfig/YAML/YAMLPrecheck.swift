import EmbedCore
import Foundation

/// Cheap checks on raw YAML bytes before the parser sees them, so hostile files fail with a
/// located error in bounded time and memory instead of exhausting the stack or RAM.
enum YAMLPrecheck {
    static let maxBytes = 1 << 20
    static let maxFlowDepth = 32
    static let maxBlockIndicators = 32
    static let maxIndentation = 256

    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        SourceText.decode(data, file: file, maxBytes: maxBytes)
    }

    /// Nesting limits and the ban on anchors/aliases (embedsmith files never need them, and
    /// alias expansion is the classic "billion laughs" memory bomb).
    static func structure(_ text: String, file: String, firstLine: Int = 1) -> Diagnostic? {
        var lineNumber = firstLine - 1
        var flowDepth = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine.unicodeScalars)
            var column = 0
            var indentation = 0
            while column < line.count, line[column] == " " { column += 1; indentation += 1 }
            if indentation > maxIndentation {
                return .error("yaml-too-deep", "indentation of \(indentation) columns exceeds the limit of \(maxIndentation)",
                              at: SourceLocation(file: file, line: lineNumber, column: 1))
            }
            var indicators = 0
            var atNodeStart = true
            var quote: Unicode.Scalar? = nil
            var previous: Unicode.Scalar = " "
            while column < line.count {
                let c = line[column]
                defer { previous = c; column += 1 }
                if let q = quote {
                    if c == q { quote = nil }
                    continue
                }
                if c == "#" && (previous == " " || previous == "\t" || column == 0) { break }
                if atNodeStart && (c == "\"" || c == "'") { quote = c; atNodeStart = false; continue }
                if atNodeStart && (c == "&" || c == "*") {
                    let next = column + 1 < line.count ? line[column + 1] : " "
                    if next != " " && next != "\t" {
                        return .error("yaml-anchor", "YAML anchors and aliases (&name, *name) are not supported in embedsmith files",
                                      at: SourceLocation(file: file, line: lineNumber, column: column + 1),
                                      hint: "repeat the value instead")
                    }
                }
                switch c {
                case "[", "{":
                    flowDepth += 1
                    if flowDepth > maxFlowDepth {
                        return .error("yaml-too-deep", "nesting deeper than \(maxFlowDepth) levels",
                                      at: SourceLocation(file: file, line: lineNumber, column: column + 1))
                    }
                    atNodeStart = true
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                    atNodeStart = false
                case ",":
                    atNodeStart = true
                case "-", "?", ":":
                    let next = column + 1 < line.count ? line[column + 1] : " "
                    if next == " " || next == "\t" || column + 1 == line.count {
                        if c != ":" && atNodeStart {
                            indicators += 1
                            if indicators > maxBlockIndicators {
                                return .error("yaml-too-deep", "nesting deeper than \(maxBlockIndicators) levels",
                                              at: SourceLocation(file: file, line: lineNumber, column: column + 1))
                            }
                        }
                        atNodeStart = true
                    } else {
                        atNodeStart = false
                    }
                case " ", "\t", "\r":
                    break
                default:
                    atNodeStart = false
                }
            }
        }
        return nil
    }
}
