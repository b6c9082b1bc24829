import Foundation

/// `JSONValue` as Codable, so typed settings (`Codable` structs) become the escaped, key-sorted
/// JSON of `ScriptJSON` (through `JSONTreeEncoder`) and a page's JSON is read back into the same
/// structs.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let b = try? container.decode(Bool.self) { self = .bool(b); return }
        if let i = try? container.decode(Int.self) { self = .int(i); return }
        if let d = try? container.decode(Double.self) { self = .double(d); return }
        if let s = try? container.decode(String.self) { self = .string(s); return }
        if let a = try? container.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// The JSON tree of an Encodable value (nil if it does not encode: a bug, not input).
    public init?(encoding value: some Encodable) {
        guard let tree = try? JSONTreeEncoder.tree(value) else { return nil }
        self = tree
    }
}
