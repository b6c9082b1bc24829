import CYaml
import EmbedCore

/// Composes one YAML document into a `YAMLNode` tree from libyaml's parser events (libyaml as
/// bundled by Yams, module CYaml), in one pass and without recursion.
///
/// Yams' own composer hashes every mapping's keys as nodes and builds a tag object per node;
/// on a site of thousands of tenants it was a tenth of the build. This one keeps what the
/// schema validator reads (text, style, position) and refuses what embedsmith never accepts
/// as it meets it: anchors and aliases, keys that are lists or mappings, nesting deeper than
/// `YAMLTokenScan.maxDepth`, more than `YAMLTokenScan.maxTokens` events, a value that starts
/// with a byte order mark. Duplicate keys are found when their mapping ends, like Yams did.
///
/// Whenever a document is refused, `YAMLTokenScan` runs first and its refusal wins, so the
/// error and its position are the same as when every document was scanned before composing.
enum YAMLComposer {
    static func compose(_ text: String, file: String, firstLine: Int, columnOffset: Int) -> Result<YAMLNode?, Diagnostic> {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return .success(nil) }
        bytes.append(0)
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Outcome in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failed(.memory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var run = Run()
            return run.compose(&parser)
        }
        switch outcome {
        case .composed(let node):
            return .success(node)
        case .failed(let problem):
            if let refusal = YAMLTokenScan.check(text, file: file, firstLine: firstLine, columnOffset: columnOffset) {
                return .failure(refusal)
            }
            return .failure(problem.diagnostic(text: text, file: file, firstLine: firstLine, columnOffset: columnOffset))
        }
    }

    enum Outcome {
        case composed(YAMLNode?)
        case failed(Problem)
    }

    /// Why a document was not composed, with libyaml's 0-based positions.
    enum Problem {
        case memory
        case reader(problem: String, byteOffset: Int)
        case syntax(problem: String, at: yaml_mark_t, context: (text: String, at: yaml_mark_t)?)
        case anchor(at: yaml_mark_t)
        case complexKey(at: yaml_mark_t)
        case tooDeep(at: yaml_mark_t)
        case tooMany(at: yaml_mark_t)
        case byteOrderMark(at: yaml_mark_t)
        case duplicateKeys([String], at: YAMLNode.Mark)
    }

    private struct Run {
        enum Frame {
            case mapping(pairs: [(YAMLNode, YAMLNode)], key: YAMLNode?, mark: YAMLNode.Mark,
                         seen: Set<String>, repeats: [String: YAMLNode.Mark])
            case list([YAMLNode], mark: YAMLNode.Mark)
        }

        var stack: [Frame] = []
        var root: YAMLNode? = nil
        var events = 0

        mutating func compose(_ parser: inout yaml_parser_t) -> Outcome {
            var documents = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failed(Self.parserProblem(parser)) }
                defer { yaml_event_delete(&event) }
                events += 1
                if events > YAMLTokenScan.maxTokens { return .failed(.tooMany(at: event.start_mark)) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return .composed(root)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        return .failed(.syntax(problem: "but found another document", at: event.start_mark,
                                               context: ("expected a single document in the stream", yaml_mark_t(index: 0, line: 0, column: 0))))
                    }
                case YAML_ALIAS_EVENT:
                    return .failed(.anchor(at: event.start_mark))
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    if scalar.anchor != nil { return .failed(.anchor(at: event.start_mark)) }
                    let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                    if value.count >= 3, value[0] == 0xEF, value[1] == 0xBB, value[2] == 0xBF {
                        return .failed(.byteOrderMark(at: event.start_mark))
                    }
                    let node = YAMLNode.scalar(.init(string: String(decoding: value, as: UTF8.self),
                                                     style: Self.style(scalar.style), mark: Self.mark(event.start_mark)))
                    attach(node)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    if anchor != nil { return .failed(.anchor(at: event.start_mark)) }
                    if case .mapping(_, nil, _, _, _)? = stack.last { return .failed(.complexKey(at: event.start_mark)) }
                    if stack.count >= YAMLTokenScan.maxDepth { return .failed(.tooDeep(at: event.start_mark)) }
                    let mark = Self.mark(event.start_mark)
                    stack.append(isMapping ? .mapping(pairs: [], key: nil, mark: mark, seen: [], repeats: [:]) : .list([], mark: mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { break }
                    let node: YAMLNode
                    switch frame {
                    case .list(let nodes, let mark):
                        node = .sequence(.init(nodes: nodes, mark: mark))
                    case .mapping(let pairs, _, let mark, _, let repeats):
                        if !repeats.isEmpty {
                            let keys = repeats.keys.sorted()
                            return .failed(.duplicateKeys(keys, at: repeats[keys[0]]!))
                        }
                        node = .mapping(.init(pairs: pairs, mark: mark))
                    }
                    attach(node)
                default:
                    break
                }
            }
        }

        /// Puts a finished node where it belongs: the root, a list item, a key or a value.
        mutating func attach(_ node: YAMLNode) {
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .list(var nodes, let mark):
                nodes.append(node)
                stack.append(.list(nodes, mark: mark))
            case .mapping(var pairs, let key, let mark, var seen, var repeats):
                if let key {
                    pairs.append((key, node))
                    stack.append(.mapping(pairs: pairs, key: nil, mark: mark, seen: seen, repeats: repeats))
                } else {
                    // Keys are scalars here: a collection in key position was refused at its start.
                    let text = node.string ?? ""
                    if !seen.insert(text).inserted, repeats[text] == nil { repeats[text] = node.mark }
                    stack.append(.mapping(pairs: pairs, key: node, mark: mark, seen: seen, repeats: repeats))
                }
            }
        }

        static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
            YAMLNode.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: return .literal
            case YAML_FOLDED_SCALAR_STYLE: return .folded
            default: return .plain
            }
        }

        static func parserProblem(_ parser: yaml_parser_t) -> Problem {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_MEMORY_ERROR:
                return .memory
            case YAML_READER_ERROR:
                return .reader(problem: problem, byteOffset: parser.problem_offset)
            default:
                let context = parser.context.map { (text: String(cString: $0), at: parser.context_mark) }
                return .syntax(problem: problem, at: parser.problem_mark, context: context)
            }
        }
    }
}

extension YAMLComposer.Problem {
    func diagnostic(text: String, file: String, firstLine: Int, columnOffset: Int) -> Diagnostic {
        func at(line: Int, column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line + firstLine - 1, column: column + columnOffset)
        }
        func at(_ mark: yaml_mark_t) -> SourceLocation { at(line: Int(mark.line) + 1, column: Int(mark.column) + 1) }
        switch self {
        case .memory:
            return .error("yaml-too-large", "YAML could not be read: out of memory", at: at(line: 1, column: 1))
        case .reader(let problem, let byteOffset):
            // The offset in characters, as Yams reported it.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: byteOffset, limitedBy: text.utf8.endIndex)?.samePosition(in: text)
            let offset = index.map { text.distance(from: text.startIndex, to: $0) }
            return .error("yaml-encoding", "YAML reader error: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          at: SourceLocation(file: file, line: firstLine, column: 1))
        case .syntax(let problem, let mark, let context):
            var message = "YAML syntax error: \(problem)"
            if let context {
                let start = at(context.at)
                // Where the unfinished construct began, when that is not where the error is.
                message += start == at(mark) ? " (\(context.text))" : " (\(context.text) that starts at \(start.line):\(start.column))"
            }
            var hint: String? = nil
            if problem.contains("tab") || problem.contains("cannot start any token") {
                hint = "YAML indentation uses spaces, never tabs"
            }
            return .error("yaml-syntax", message, at: at(mark), hint: hint)
        case .anchor(let mark):
            return .error("yaml-anchor", "YAML anchors and aliases (&name, *name) are not supported in embedsmith files",
                          at: at(mark), hint: "repeat the value instead")
        case .complexKey(let mark):
            return .error("yaml-complex-key", "only plain words can be keys, not lists or mappings", at: at(mark))
        case .tooDeep(let mark):
            return .error("yaml-too-deep", "nesting deeper than \(YAMLTokenScan.maxDepth) levels", at: at(mark))
        case .tooMany(let mark):
            return .error("yaml-too-large", "YAML has more than \(YAMLTokenScan.maxTokens) tokens", at: at(mark))
        case .byteOrderMark(let mark):
            return .error("input-encoding", "a value starts with a byte order mark (U+FEFF), which YAML readers drop", at: at(mark),
                          hint: "remove the \\uFEFF")
        case .duplicateKeys(let keys, let mark):
            return .error("yaml-duplicate-key", "duplicate key '\(keys.joined(separator: "', '"))'",
                          at: at(line: mark.line, column: mark.column), hint: "each key may appear once in a mapping")
        }
    }
}
