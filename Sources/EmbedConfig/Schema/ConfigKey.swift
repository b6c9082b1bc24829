import EmbedCore

/// A typed key of a mapping: its schema, its type in Swift and its default, declared once.
/// `object[key]` reads the value the validator accepted; `object.value(key)` falls back to the
/// default; the `FieldSchema` (validation, docs, JSON Schema) shows the same default.
public struct ConfigKey<Value: ConfigKeyValue>: AnyConfigKey {
    public let field: FieldSchema
    public let defaultValue: Value?

    /// `defaultDoc` describes a default that is not a constant ("the tenant's …").
    public init(_ name: String, _ type: SchemaType, required: Bool = false, doc: String,
                default defaultValue: Value? = nil, defaultDoc: String? = nil) {
        self.defaultValue = defaultValue
        self.field = FieldSchema(name, type, required: required, doc: doc,
                                 default: defaultDoc ?? defaultValue.map(Value.documented))
    }

    public var name: String { field.name }
}

/// Any `ConfigKey`, for building an `ObjectSchema` from a list of keys.
public protocol AnyConfigKey: Sendable {
    var field: FieldSchema { get }
}

/// Swift types a validated value can be read as.
public protocol ConfigKeyValue: Sendable {
    static func read(_ value: ConfigValue) -> Self?
    /// The default as the docs and the JSON Schema show it.
    static func documented(_ value: Self) -> String
}

extension String: ConfigKeyValue {
    public static func read(_ value: ConfigValue) -> String? { if case .string(let s) = value { return s }; return nil }
    public static func documented(_ value: String) -> String { value }
}

extension Bool: ConfigKeyValue {
    public static func read(_ value: ConfigValue) -> Bool? { if case .bool(let b) = value { return b }; return nil }
    public static func documented(_ value: Bool) -> String { value ? "true" : "false" }
}

extension Int: ConfigKeyValue {
    public static func read(_ value: ConfigValue) -> Int? { if case .int(let i) = value { return i }; return nil }
    public static func documented(_ value: Int) -> String { String(value) }
}

extension ConfigObject: ConfigKeyValue {
    public static func read(_ value: ConfigValue) -> ConfigObject? { if case .object(let o) = value { return o }; return nil }
    public static func documented(_ value: ConfigObject) -> String { "" }
}

extension Array: ConfigKeyValue where Element: ConfigKeyValue {
    public static func read(_ value: ConfigValue) -> [Element]? {
        guard case .list(let items) = value else { return nil }
        return items.compactMap { Element.read($0.value) }
    }
    public static func documented(_ value: [Element]) -> String { "[" + value.map(Element.documented).joined(separator: ", ") + "]" }
}

extension ConfigObject {
    /// The value written for `key`, if any.
    public subscript<V>(_ key: ConfigKey<V>) -> V? { fields[key.name].flatMap { V.read($0.value) } }
    /// The value written for `key`, else its default.
    public func value<V>(_ key: ConfigKey<V>) -> V? { self[key] ?? key.defaultValue }
    public func has<V>(_ key: ConfigKey<V>) -> Bool { fields[key.name] != nil }
    public func location<V>(of key: ConfigKey<V>) -> SourceLocation { location(of: key.name) }
}

extension ObjectSchema {
    /// A mapping whose keys are typed keys.
    public init(_ name: String, doc: String = "", keys: [any AnyConfigKey]) {
        self.init(name, doc: doc, keys.map(\.field))
    }
}

extension Optional where Wrapped == ConfigObject {
    /// The value written in a mapping that may be absent, else the key's default.
    public func value<V>(_ key: ConfigKey<V>) -> V? { self?[key] ?? key.defaultValue }
}
