/// A composed YAML document: scalars, mappings (pairs in the order written) and lists, each
/// with where it starts. What `SchemaValidator` walks; built by `YAMLComposer`.
public indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// Line and column (both from 1, columns counted in Unicode scalars, as libyaml counts).
    public struct Mark: Sendable, Equatable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
        /// Plain, but tagged `!!str` or `!`: text, never resolved to a number, boolean or null.
        case taggedString
    }

    public struct Scalar: Sendable {
        public var string: String
        public var style: Style
        public var mark: Mark

        public init(string: String, style: Style, mark: Mark) {
            self.string = string
            self.style = style
            self.mark = mark
        }
    }

    public struct Mapping: Sendable, Sequence {
        public var pairs: [(YAMLNode, YAMLNode)]
        public var mark: Mark

        public init(pairs: [(YAMLNode, YAMLNode)], mark: Mark) {
            self.pairs = pairs
            self.mark = mark
        }
        public func makeIterator() -> IndexingIterator<[(YAMLNode, YAMLNode)]> { pairs.makeIterator() }
    }

    public struct List: Sendable, RandomAccessCollection {
        public var nodes: [YAMLNode]
        public var mark: Mark

        public init(nodes: [YAMLNode], mark: Mark) {
            self.nodes = nodes
            self.mark = mark
        }
        public var startIndex: Int { nodes.startIndex }
        public var endIndex: Int { nodes.endIndex }
        public subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let list): return list.mark
        }
    }

    /// The text of a scalar, nil for a collection.
    public var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}
