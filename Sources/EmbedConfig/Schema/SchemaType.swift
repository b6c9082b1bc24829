/// The declared shape of a configuration value. One declaration drives validation,
/// the typed accessors and `embedsmith schema` (JSON Schema export).
public indirect enum SchemaType: Sendable {
    /// Free text. `maxLength` counts Unicode scalars.
    case string(maxLength: Int = 500, minLength: Int = 0)
    case boolean
    case integer(min: Int, max: Int)
    /// One of a closed set of words.
    case enumeration([String])
    /// An absolute https URL (host rules are applied by the component that uses it).
    case url
    /// A same-origin absolute path such as `/api/apizee/me` (run-time endpoints).
    case path
    /// E.164 phone number: `+` then 8 to 15 digits.
    case phone
    case email
    /// `#rgb`, `#rrggbb` or `#rrggbbaa`.
    case color
    /// A host name (no scheme, no path), lowercase ASCII or punycode.
    case hostName
    /// A word matching a regex-like rule described in `rule` and checked by `check`.
    case token(rule: String, check: @Sendable (String) -> Bool)
    case list(SchemaType, maxItems: Int = 100)
    case object(ObjectSchema)
    /// A key people may know from vendor docs that embedsmith deliberately never accepts.
    case refused(reason: String)

    public var summary: String {
        switch self {
        case .string: return "a string"
        case .boolean: return "true or false"
        case .integer(let lo, let hi): return "an integer from \(lo) to \(hi)"
        case .enumeration(let words): return "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .url: return "an https URL"
        case .path: return "an absolute path starting with '/'"
        case .phone: return "a phone number in E.164 form (+33612345678)"
        case .email: return "an e-mail address"
        case .color: return "a color (#rgb or #rrggbb)"
        case .hostName: return "a host name"
        case .token(let rule, _): return rule
        case .list(let item, _): return "a list of \(item.summary)"
        case .object: return "a mapping"
        case .refused: return "nothing (refused)"
        }
    }
}

/// One key of a mapping.
public struct FieldSchema: Sendable {
    public var name: String
    public var type: SchemaType
    public var required: Bool
    public var doc: String
    /// Human-readable default, for documentation and the JSON Schema.
    public var defaultValue: String?

    public init(_ name: String, _ type: SchemaType, required: Bool = false, doc: String, default defaultValue: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.doc = doc
        self.defaultValue = defaultValue
    }
}

/// A mapping with a closed set of keys; anything else is an error with a suggestion.
public struct ObjectSchema: Sendable {
    public var name: String
    public var fields: [FieldSchema]
    public var doc: String

    public init(_ name: String, doc: String = "", _ fields: [FieldSchema]) {
        self.name = name
        self.fields = fields
        self.doc = doc
    }

    public func field(_ key: String) -> FieldSchema? { fields.first { $0.name == key } }
}
