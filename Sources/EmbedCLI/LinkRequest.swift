import EmbedConfig
import EmbedCore
import EmbedVendors

/// One `embedsmith link KIND` invocation: its arguments read against `LinkOptions`, turned into
/// the validated tenant and options the generator reads, built by the component's own builder.
struct LinkRequest {
    enum Problem: Error { case usage(String) }

    let options: LinkOptions
    /// Each occurrence: the option and its value, in command-line order.
    var given: [(option: LinkOptions.Option, value: String)] = []

    init(_ options: LinkOptions, arguments: [String]) throws(Problem) {
        self.options = options
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw .usage("unexpected argument '\(DisplayText.excerpt(argument))'") }
            var name = String(argument.dropFirst(2)), value: String? = nil
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = options.options.first(where: { $0.name == name }) else {
                var message = "unknown option '--\(DisplayText.excerpt(name))' for 'link \(options.component.kind)'"
                if let guess = Suggestion.closest(to: name, in: options.options.map(\.name)) { message += " (did you mean '--\(guess)'?)" }
                throw .usage(message)
            }
            if value == nil {
                index += 1
                guard index < arguments.count else { throw .usage("missing value for '--\(name)'") }
                value = arguments[index]
            }
            if case .list = option.type {} else if given.contains(where: { $0.option.name == name }) {
                throw .usage("'--\(name)' is given more than once")
            }
            given.append((option, value!))
            index += 1
        }
    }

    /// The tenant: a placeholder name and base URL, and the tenant options.
    func tenantNode() -> YAMLNode {
        var root = tree(.tenant)
        root.insert(["name"], .scalar(.init(string: "link", style: .plain, mark: Self.unnamed)), line: 0)
        root.insert(["baseURL"], .scalar(.init(string: "https://link.invalid/", style: .plain, mark: Self.unnamed)), line: 0)
        return root.node
    }

    func blockNode() -> YAMLNode { tree(.block).node }

    /// Marks of nodes no option wrote: column 1, which `mapped` never attributes to an option.
    static let unnamed = YAMLNode.Mark(line: 0, column: 1)

    private func tree(_ target: LinkOptions.Target) -> NodeTree {
        var root = NodeTree()
        for (number, entry) in given.enumerated() where entry.option.target == target {
            let mark = YAMLNode.Mark(line: number + 1, column: 2)
            root.insert(entry.option.path, Self.values(entry.value, as: entry.option.type, mark: mark), line: number + 1)
        }
        return root
    }

    /// A value as the node YAML would have composed: booleans and integers plain, the rest
    /// quoted text; list options split at commas (and merged when repeated, see `NodeTree`).
    static func values(_ text: String, as type: SchemaType, mark: YAMLNode.Mark) -> YAMLNode {
        switch type {
        case .list(.object(let item), _):
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            let names = item.fields.map(\.name)
            var pairs: [(YAMLNode, YAMLNode)] = []
            for (offset, part) in parts.enumerated() where offset < names.count {
                pairs.append((.scalar(.init(string: names[offset], style: .plain, mark: mark)), .scalar(.init(string: part, style: .doubleQuoted, mark: mark))))
            }
            return .sequence(.init(nodes: [.mapping(.init(pairs: pairs, mark: mark))], mark: mark))
        case .list(let item, _):
            let items = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            return .sequence(.init(nodes: items.map { scalar($0, as: item, mark: mark) }, mark: mark))
        default:
            return scalar(text, as: type, mark: mark)
        }
    }

    static func scalar(_ text: String, as type: SchemaType, mark: YAMLNode.Mark) -> YAMLNode {
        switch type {
        case .boolean, .integer: return .scalar(.init(string: text, style: .plain, mark: mark))
        default: return .scalar(.init(string: text, style: .doubleQuoted, mark: mark))
        }
    }

    /// Builds what `link` prints; every problem names the option that caused it.
    func build(html: Bool) -> Result<String, DiagnosticList> {
        let spec = options.component.link
        func mapped(_ diagnostics: [Diagnostic]) -> DiagnosticList {
            DiagnosticList(diagnostics.filter { $0.severity == .error }.map { d in
                var copy = d
                if let location = d.location, location.column > 1, location.line >= 1, location.line <= given.count {
                    copy.message = "--\(given[location.line - 1].option.name): " + d.message
                }
                if let hint = spec?.missingSettingHints[d.code] { copy.hint = hint }
                copy.location = nil
                return copy
            })
        }
        let (tenantOrNil, tenantProblems) = TenantLoader.load(node: tenantNode(), file: "<tenant>", id: "link", schema: ComponentRegistry.tenantSchema)
        guard let tenant = tenantOrNil else { return .failure(mapped(tenantProblems)) }
        var validator = SchemaValidator(file: "<options>")
        let block = validator.validateDocument(blockNode(), schema: options.component.optionsSchema, what: "options")
        if validator.diagnostics.hasErrors { return .failure(mapped(validator.diagnostics)) }
        switch ComponentRegistry.linkTarget(kind: options.component.kind, options: block, context: ComponentContext(tenant: tenant)) {
        case .success(let target?): return .success(html ? target.html : target.url)
        case .success(nil): return .failure([.error("link-unknown-kind", "'\(options.component.kind)' has no link")])
        case .failure(let list): return .failure(mapped(list.diagnostics))
        }
    }
}

/// A mapping under construction: nested keys create nested mappings; a list option given again
/// appends to its list.
private struct NodeTree {
    var keys: [String] = []
    var children: [String: Child] = [:]
    var line = 0

    indirect enum Child {
        case leaf(YAMLNode)
        case tree(NodeTree)
    }

    mutating func insert(_ path: [String], _ value: YAMLNode, line: Int) {
        let key = path[0]
        if !keys.contains(key) { keys.append(key) }
        if path.count == 1 {
            if case .leaf(.sequence(let old))? = children[key], case .sequence(let new) = value {
                children[key] = .leaf(.sequence(.init(nodes: old.nodes + new.nodes, mark: old.mark)))
            } else {
                children[key] = .leaf(value)
            }
            return
        }
        var subtree: NodeTree
        if case .tree(let existing)? = children[key] { subtree = existing } else { subtree = NodeTree(); subtree.line = line }
        subtree.insert(Array(path.dropFirst()), value, line: line)
        children[key] = .tree(subtree)
    }

    var node: YAMLNode {
        let mark = YAMLNode.Mark(line: line, column: 1)
        return .mapping(.init(pairs: keys.map { key in
            let value: YAMLNode
            switch children[key]! {
            case .leaf(let node): value = node
            case .tree(let tree): value = tree.node
            }
            return (.scalar(.init(string: key, style: .plain, mark: mark)), value)
        }, mark: mark))
    }
}
