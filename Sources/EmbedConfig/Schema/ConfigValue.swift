import EmbedCore

/// A validated configuration value with the place it came from.
public indirect enum ConfigValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([LocatedValue])
    case object(ConfigObject)
}

public struct LocatedValue: Sendable {
    public var value: ConfigValue
    public var location: SourceLocation

    public var string: String? { if case .string(let s) = value { return s }; return nil }
    public var object: ConfigObject? { if case .object(let o) = value { return o }; return nil }
}

/// A validated mapping: only declared keys, each value of its declared type.
public struct ConfigObject: Sendable {
    public var fields: [String: LocatedValue]
    public var location: SourceLocation

    public init(fields: [String: LocatedValue] = [:], location: SourceLocation) {
        self.fields = fields
        self.location = location
    }

    public subscript(_ key: String) -> LocatedValue? { fields[key] }

    public func string(_ key: String) -> String? { fields[key]?.string }
    public func bool(_ key: String) -> Bool? { if case .bool(let b)? = fields[key]?.value { return b }; return nil }
    public func int(_ key: String) -> Int? { if case .int(let i)? = fields[key]?.value { return i }; return nil }
    public func object(_ key: String) -> ConfigObject? { fields[key]?.object }
    public func list(_ key: String) -> [LocatedValue]? { if case .list(let l)? = fields[key]?.value { return l }; return nil }
    public func strings(_ key: String) -> [String]? { list(key)?.compactMap(\.string) }
    public func has(_ key: String) -> Bool { fields[key] != nil }
    /// Where the key's value is, or the mapping itself when the key is absent.
    public func location(of key: String) -> SourceLocation { fields[key]?.location ?? location }
}
