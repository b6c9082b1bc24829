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
/// with a byte order mark, tags other than `YAMLTags` accepts, `%TAG` directives. Its work is
/// linear in the events: open collections are changed in place on the stack. Duplicate keys are found when their mapping ends, like Yams did.
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
            var run = Run(text: text)
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
        case tag(String, at: yaml_mark_t)
        case tagDirective(at: yaml_mark_t)
        case gluedQuestionMark(at: yaml_mark_t)
    }

    private struct Run {
        /// An open collection. It stays on the stack and is changed in place
        /// (`stack[stack.count - 1].pairs.append`): popping it, adding a child and pushing it back
        /// copied its pairs and key set for every child, which made a mapping of n keys cost n².
        struct Frame {
            var isMapping: Bool
            var isFlow: Bool
            var mark: YAMLNode.Mark
            /// libyaml's character index of where the collection starts.
            var startIndex: Int
            var items: [YAMLNode] = []
            var pairs: [(YAMLNode, YAMLNode)] = []
            var key: YAMLNode? = nil
            var seen: Set<String> = []
            var repeats: [String: YAMLNode.Mark] = [:]
        }

        let questionMarks: QuestionMarks
        var stack: [Frame] = []
        var root: YAMLNode? = nil
        var events = 0

        init(text: String) { questionMarks = QuestionMarks(text) }

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
                    let directives = event.data.document_start.tag_directives
                    if directives.start != directives.end { return .failed(.tagDirective(at: event.start_mark)) }
                case YAML_ALIAS_EVENT:
                    return .failed(.anchor(at: event.start_mark))
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    if scalar.anchor != nil { return .failed(.anchor(at: event.start_mark)) }
                    var style = Self.style(scalar.style)
                    if let tag = scalar.tag {
                        if let reason = YAMLTags.refusal(of: String(cString: tag), on: .scalar) { return .failed(.tag(reason, at: event.start_mark)) }
                        // `!!str` and `!` make a plain value text: never a number, boolean or null.
                        if style == .plain { style = .taggedString }
                    }
                    let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                    if value.count >= 3, value[0] == 0xEF, value[1] == 0xBB, value[2] == 0xBF {
                        return .failed(.byteOrderMark(at: event.start_mark))
                    }
                    var string = String(decoding: value, as: UTF8.self)
                    var mark = Self.mark(event.start_mark)
                    let index = Int(event.start_mark.index)
                    if let top = stack.last, top.isFlow, !value.isEmpty, index > 0, questionMarks.contains(index - 1) {
                        // In a flow collection libyaml takes a '?' written against a value for the
                        // explicit-key indicator; YAML reads it as the value's first character
                        // (`{ ?foo: bar }` has the key `?foo`, YAML Test Suite 652Z). A key of a
                        // `{…}` mapping gets its '?' back; anywhere else the two readings differ
                        // in more than a character, and the value is refused.
                        guard style == .plain, top.isMapping, top.key == nil, top.startIndex != index - 1 else {
                            return .failed(.gluedQuestionMark(at: yaml_mark_t(index: event.start_mark.index - 1, line: event.start_mark.line,
                                                                              column: event.start_mark.column - 1)))
                        }
                        string = "?" + string
                        mark.column -= 1
                    }
                    attach(.scalar(.init(string: string, style: style, mark: mark)))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    if anchor != nil { return .failed(.anchor(at: event.start_mark)) }
                    if let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag,
                       let reason = YAMLTags.refusal(of: String(cString: tag), on: isMapping ? .mapping : .list) {
                        return .failed(.tag(reason, at: event.start_mark))
                    }
                    if let top = stack.last, top.isMapping, top.key == nil { return .failed(.complexKey(at: event.start_mark)) }
                    if stack.count >= YAMLTokenScan.maxDepth { return .failed(.tooDeep(at: event.start_mark)) }
                    let isFlow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                           : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                    stack.append(Frame(isMapping: isMapping, isFlow: isFlow, mark: Self.mark(event.start_mark),
                                       startIndex: Int(event.start_mark.index)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { break }
                    if !frame.isMapping {
                        attach(.sequence(.init(nodes: frame.items, mark: frame.mark)))
                        break
                    }
                    if !frame.repeats.isEmpty {
                        let keys = frame.repeats.keys.sorted()
                        return .failed(.duplicateKeys(keys, at: frame.repeats[keys[0]]!))
                    }
                    attach(.mapping(.init(pairs: frame.pairs, mark: frame.mark)))
                default:
                    break
                }
            }
        }

        /// Puts a finished node where it belongs: the root, a list item, a key or a value.
        mutating func attach(_ node: YAMLNode) {
            let top = stack.count - 1
            guard top >= 0 else {
                root = node
                return
            }
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].key {
                stack[top].pairs.append((key, node))
                stack[top].key = nil
            } else {
                // Keys are scalars here: a collection in key position was refused at its start.
                let text = node.string ?? ""
                if !stack[top].seen.insert(text).inserted, stack[top].repeats[text] == nil { stack[top].repeats[text] = node.mark }
                stack[top].key = node
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
            return .error(.yamlTooLarge, "YAML could not be read: out of memory", at: at(line: 1, column: 1))
        case .reader(let problem, let byteOffset):
            // The offset in characters, as Yams reported it.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: byteOffset, limitedBy: text.utf8.endIndex)?.samePosition(in: text)
            let offset = index.map { text.distance(from: text.startIndex, to: $0) }
            return .error(.yamlEncoding, "YAML reader error: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
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
            return .error(.yamlSyntax, message, at: at(mark), hint: hint)
        case .anchor(let mark):
            return .error(.yamlAnchor, "YAML anchors and aliases (&name, *name) are not supported in embedsmith files",
                          at: at(mark), hint: "repeat the value instead")
        case .complexKey(let mark):
            return .error(.yamlComplexKey, "only plain words can be keys, not lists or mappings", at: at(mark))
        case .tooDeep(let mark):
            return .error(.yamlTooDeep, "nesting deeper than \(YAMLTokenScan.maxDepth) levels", at: at(mark))
        case .tooMany(let mark):
            return .error(.yamlTooLarge, "YAML has more than \(YAMLTokenScan.maxTokens) tokens", at: at(mark))
        case .byteOrderMark(let mark):
            return .error(.inputEncoding, "a value starts with a byte order mark (U+FEFF), which YAML readers drop", at: at(mark),
                          hint: "remove the \\uFEFF")
        case .duplicateKeys(let keys, let mark):
            // A handful named, each cut short; a file of repeated keys cannot make the message long.
            let listed = keys.prefix(5).map { "'\(DisplayText.excerpt($0))'" }.joined(separator: ", ")
            let more = keys.count > 5 ? " and \(keys.count - 5) more" : ""
            return .error(.yamlDuplicateKey, "duplicate key \(listed)\(more)",
                          at: at(line: mark.line, column: mark.column), hint: "each key may appear once in a mapping")
        case .tag(let reason, let mark):
            return .error(.yamlTag, reason, at: at(mark), hint: YAMLTags.hint)
        case .tagDirective(let mark):
            return .error(.yamlTag, "%TAG directives are not supported", at: at(mark), hint: "remove the directive and the tags that use it")
        case .gluedQuestionMark(let mark):
            return .error(.yamlSyntax, "a '?' written against a value in a flow collection: YAML reads it as part of the value, libyaml as a key indicator",
                          at: at(mark), hint: "quote the value ('?x') or put a space after '?' for an explicit key")
        }
    }
}
