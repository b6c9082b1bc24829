import Foundation

/// The table of expected findings at the top of a fixture:
///
/// ```
/// <!--
/// expect:
///   15:23 error iframe-src
///   15:23 error csp-frame-src
/// -->
/// ```
/// or `(nothing)` for a page that must be clean.
struct ExpectTable: Equatable {
    struct Row: Hashable, Comparable, CustomStringConvertible {
        var line: Int
        var column: Int
        var severity: String
        var rule: String

        static func < (a: Row, b: Row) -> Bool {
            (a.line, a.column, a.rule, a.severity) < (b.line, b.column, b.rule, b.severity)
        }
        var description: String { "\(line):\(column) \(severity) \(rule)" }
    }

    var rows: [Row]

    enum Problem: Error, CustomStringConvertible {
        case missing, malformed(String)
        var description: String {
            switch self {
            case .missing: return "no '<!--\\nexpect:' table at the top"
            case .malformed(let line): return "cannot read expect row '\(line)'"
            }
        }
    }

    static func read(_ html: String) throws -> ExpectTable {
        guard html.hasPrefix("<!--\nexpect:\n"), let end = html.range(of: "\n-->") else { throw Problem.missing }
        let body = html[html.index(html.startIndex, offsetBy: 13)..<end.lowerBound]
        var rows: [Row] = []
        for raw in body.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "(nothing)" || line.isEmpty { continue }
            let parts = line.split(separator: " ")
            let place = parts.first?.split(separator: ":") ?? []
            guard parts.count == 3, place.count == 2, let l = Int(place[0]), let c = Int(place[1]),
                  ["error", "warning", "note"].contains(String(parts[1])) else { throw Problem.malformed(line) }
            rows.append(Row(line: l, column: c, severity: String(parts[1]), rule: String(parts[2])))
        }
        return ExpectTable(rows: rows.sorted())
    }
}
