import EmbedCore
import Foundation
import Yams

/// Parses one YAML document into Yams' node tree, turning every failure into a located
/// diagnostic. `firstLine` shifts line numbers for YAML embedded in a page (front matter,
/// `embed` blocks).
public enum YAMLLoader {
    public static func load(data: Data, file: String) -> Result<Node?, Diagnostic> {
        switch YAMLPrecheck.decode(data, file: file) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let text): return load(text: text, file: file)
        }
    }

    public static func load(text: String, file: String, firstLine: Int = 1, firstColumn: Int = 1) -> Result<Node?, Diagnostic> {
        if text.utf8.count > YAMLPrecheck.maxBytes {
            return .failure(.error("yaml-too-large", "YAML is larger than \(YAMLPrecheck.maxBytes) bytes",
                                   at: SourceLocation(file: file, line: firstLine, column: 1)))
        }
        if let problem = YAMLTokenScan.check(text, file: file, firstLine: firstLine, columnOffset: firstColumn - 1) {
            return .failure(problem)
        }
        do {
            // The basic resolver: SchemaValidator types plain scalars itself, so Yams' regex-based
            // tag resolution is wasted work; an explicit encoding spares a read of the environment.
            let node = try Yams.compose(yaml: text, .basic, .default, .utf8)
            return .success(node)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine, columnOffset: firstColumn - 1))
        } catch {
            return .failure(.error("yaml-syntax", "YAML could not be read: \(error)",
                                   at: SourceLocation(file: file, line: firstLine, column: 1)))
        }
    }

    /// The line (1-based) of the next block-mapping entry `key:` at the same column as the first
    /// one, or nil (flow mappings, keys written differently: the first key's place is kept).
    static func repeatedKeyLine(_ key: String, after first: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index].unicodeScalars
            guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
            let rest = Substring(line.dropFirst(indent))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") { return index + 1 }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String, firstLine: Int, columnOffset: Int = 0) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { at(line: mark.line, column: mark.column) }
        func at(line: Int, column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line + firstLine - 1, column: column + columnOffset)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                let start = at(context.mark)
                // Where the unfinished construct began, when that is not where the error is.
                message += start == at(mark) ? " (\(context.text))" : " (\(context.text) that starts at \(start.line):\(start.column))"
            }
            var hint: String? = nil
            if problem.contains("tab") || problem.contains("cannot start any token") {
                hint = "YAML indentation uses spaces, never tabs"
            }
            return .error("yaml-syntax", message, at: at(mark), hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams points at the first of the equal keys; the mistake is the repeat.
            var location = at(context.mark)
            if let key = duplicates.first, let line = repeatedKeyLine(key, after: context.mark, in: context.text) {
                location = at(line: line, column: context.mark.column)
            }
            return .error("yaml-duplicate-key", "duplicate key '\(duplicates.joined(separator: "', '"))'",
                          at: location, hint: "each key may appear once in a mapping")
        case let .reader(problem, offset, _, _):
            return .error("yaml-encoding", "YAML reader error: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          at: SourceLocation(file: file, line: firstLine, column: 1))
        default:
            return .error("yaml-syntax", "YAML error: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1))
        }
    }
}
