/// Encodes an `Encodable` value straight into a `JSONValue` tree, without bytes in between (a
/// `JSONEncoder`/`JSONDecoder` round trip cost about 30 times more per page).
struct JSONTreeEncoder: Encoder {
    /// The tree under construction: containers hold their children by reference, so a nested
    /// container written after it was attached is still part of its parent.
    final class Node {
        enum Content {
            case value(JSONValue)
            case object([String: Node])
            case array([Node])
        }
        var content: Content = .value(.null)

        var json: JSONValue {
            switch content {
            case .value(let value): return value
            case .object(let fields): return .object(fields.mapValues(\.json))
            case .array(let items): return .array(items.map(\.json))
            }
        }

        func makeObject() { if case .object = content {} else { content = .object([:]) } }
        func makeArray() { if case .array = content {} else { content = .array([]) } }

        func child(_ key: String) -> Node {
            let node = Node()
            if case .object(var fields) = content {
                fields[key] = node
                content = .object(fields)
            }
            return node
        }

        func appended() -> Node {
            let node = Node()
            if case .array(var items) = content {
                items.append(node)
                content = .array(items)
            }
            return node
        }

        /// Primitives become values; anything else encodes itself into this node.
        func encode(_ value: some Encodable) throws {
            switch value {
            case let v as String: content = .value(.string(v))
            case let v as Bool: content = .value(.bool(v))
            case let v as Int: content = .value(.int(v))
            case let v as Double: content = .value(.double(v))
            case let v as JSONValue: content = .value(v)
            default: try value.encode(to: JSONTreeEncoder(node: self))
            }
        }
    }

    let node: Node
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func tree(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try root.encode(value)
        return root.json
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return Unkeyed(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try node.child(key.stringValue).encode(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            JSONTreeEncoder(node: node.child(key.stringValue)).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            JSONTreeEncoder(node: node.child(key.stringValue)).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { JSONTreeEncoder(node: node.child("super")) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { JSONTreeEncoder(node: node.child(key.stringValue)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var count: Int { if case .array(let items) = node.content { return items.count }; return 0 }

        mutating func encodeNil() throws { node.appended().content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.appended().encode(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            JSONTreeEncoder(node: node.appended()).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { JSONTreeEncoder(node: node.appended()).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { JSONTreeEncoder(node: node.appended()) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws { node.content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value) }
    }
}
