import EmbedCore

/// Walks a YAML node tree against an `ObjectSchema`, collecting every problem (not just the
/// first) as located diagnostics, and returns the validated values.
public struct SchemaValidator {
    public let file: String
    /// What the validation found: the first `listLimit` problems, then one that counts the rest.
    public var diagnostics: [Diagnostic] {
        guard let firstUnlisted else { return listed }
        let more = "\(unlisted) more problem\(unlisted == 1 ? "" : "s") from here on \(unlisted == 1 ? "is" : "are") not listed (the first \(Self.listLimit) are)"
        return listed + [Diagnostic(firstUnlisted.severity, code: DiagnosticCode(firstUnlisted.code), message: more, at: firstUnlisted.location,
                                    hint: "fix the ones listed and build again")]
    }
    /// A file of 20,000 unknown keys is 20,000 errors: listing them all would bury the other
    /// tenants' diagnostics (and cost more than reading the file). Raw HTML is capped the same way.
    static let listLimit = 1_000
    private var listed: [Diagnostic] = []
    private var unlisted = 0
    private var firstUnlisted: Diagnostic?
    /// Upper bound on visited nodes: config files are small, hostile ones are not.
    private var remainingNodes = 20_000
    private let urlPolicy: URLPolicy

    /// Added to Yams' line numbers for YAML that starts further down a file (front matter, embed blocks).
    private let lineOffset: Int
    /// Added to columns when the YAML was indented in its file (an indented ``` fence).
    private let columnOffset: Int

    public init(file: String, lineOffset: Int = 0, columnOffset: Int = 0, allowLoopbackHTTP: Bool = false) {
        self.file = file
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        self.urlPolicy = URLPolicy(allowLoopbackHTTP: allowLoopbackHTTP)
    }

    /// Validates a whole document. An empty document is an empty mapping.
    public mutating func validateDocument(_ node: YAMLNode?, schema: ObjectSchema, what: String,
                                          at fallback: SourceLocation? = nil) -> ConfigObject {
        let start = fallback ?? SourceLocation(file: file, line: 1, column: 1)
        guard let node else {
            let object = ConfigObject(location: start)
            reportMissing(schema, in: object)
            return object
        }
        guard case .mapping = node else {
            report(.error(.configType, "\(what) must be a mapping of keys to values, found \(describe(node))", at: location(node)))
            return ConfigObject(location: location(node))
        }
        return validateObject(node, schema: schema, path: "") ?? ConfigObject(location: start)
    }

    /// Lists a problem, or counts it once `listLimit` are listed.
    mutating func report(_ diagnostic: Diagnostic) {
        if listed.count < Self.listLimit {
            listed.append(diagnostic)
            return
        }
        unlisted += 1
        if firstUnlisted == nil { firstUnlisted = diagnostic }
    }

    /// Whether the next problem would be shown, itself or as the first unlisted one: when not,
    /// a caller counts it without building its message.
    var showsNextProblem: Bool { listed.count < Self.listLimit || firstUnlisted == nil }

    func location(_ node: YAMLNode) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column + columnOffset)
    }

    private mutating func spend() -> Bool {
        remainingNodes -= 1
        if remainingNodes == 0 {
            // Always listed: it says why validation stopped.
            listed.append(.error(.configTooLarge, "configuration has more than 20000 values", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        return remainingNodes > 0
    }

    mutating func validateObject(_ node: YAMLNode, schema: ObjectSchema, path: String) -> ConfigObject? {
        guard case .mapping(let mapping) = node else {
            report(.error(.configType, "'\(path)' must be a mapping, found \(describe(node))", at: location(node)))
            return nil
        }
        var object = ConfigObject(location: location(node))
        // Keys that were written, even with a bad value: not "missing", already reported.
        var present: [String] = []   // a handful of keys: a list is cheaper than hashing them
        for (keyNode, valueNode) in mapping {
            guard spend() else { return object }
            guard case .scalar(let keyScalar) = keyNode else {
                report(.error(.configType, "keys must be plain words, found \(describe(keyNode))", at: location(keyNode)))
                continue
            }
            let key = keyScalar.string
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard let field = schema.field(key) else {
                if SecretDetector.isSecretKey(key) {
                    report(.error(.configSecret, "'\(DisplayText.excerpt(keyPath))' is a secret and cannot be written into a static site",
                                  at: location(keyNode), hint: SecretDetector.runtimeHint))
                } else if showsNextProblem {
                    report(unknownKey(key, in: schema, at: location(keyNode)))
                } else {
                    unlisted += 1  // the common case of a flood of unknown keys: no suggestion computed
                }
                continue
            }
            if case .refused(let reason) = field.type {
                report(.error(.configRefused, "'\(keyPath)' is not supported: \(reason)", at: location(keyNode)))
                present.append(key)
                continue
            }
            if isNull(valueNode) { continue }
            present.append(key)
            if let value = validate(valueNode, as: field.type, path: keyPath) {
                object.fields[key] = LocatedValue(value: value, location: location(valueNode))
            }
        }
        reportMissing(schema, in: object, present: present)
        return object
    }

    private func unknownKey(_ key: String, in schema: ObjectSchema, at location: SourceLocation) -> Diagnostic {
        var message = "unknown key '\(DisplayText.excerpt(key))'"
        if let guess = Suggestion.closest(to: key, in: schema.fields.map(\.name)) {
            message += " (did you mean '\(guess)'?)"
        }
        let known = schema.fields.map(\.name).joined(separator: ", ")
        return .error(.configUnknownKey, message, at: location, hint: known.isEmpty ? nil : "keys allowed here: \(known)")
    }

    private mutating func reportMissing(_ schema: ObjectSchema, in object: ConfigObject, present: [String] = []) {
        for field in schema.fields where field.required && object.fields[field.name] == nil && !present.contains(field.name) {
            report(.error(.configMissingKey, "missing required key '\(field.name)'", at: object.location,
                          hint: field.doc))
        }
    }

    func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    mutating func validate(_ node: YAMLNode, as type: SchemaType, path: String) -> ConfigValue? {
        let here = location(node)
        switch type {
        case .object(let schema):
            return validateObject(node, schema: schema, path: path).map { .object($0) }
        case .list(let itemType, let maxItems):
            guard case .sequence(let sequence) = node else {
                report(.error(.configType, "'\(path)' must be a list, found \(describe(node))", at: here))
                return nil
            }
            if sequence.count > maxItems {
                report(.error(.configTooMany, "'\(path)' has \(sequence.count) items; the limit is \(maxItems)", at: here))
                return nil
            }
            var items: [LocatedValue] = []
            for (index, item) in sequence.enumerated() {
                guard spend() else { return nil }
                if let value = validate(item, as: itemType, path: "\(path)[\(index)]") {
                    items.append(LocatedValue(value: value, location: location(item)))
                }
            }
            return .list(items)
        default:
            break
        }
        guard case .scalar(let scalar) = node else {
            report(.error(.configType, "'\(path)' must be \(type.summary), found \(describe(node))", at: here))
            return nil
        }
        let text = scalar.string
        let plain = scalar.style == .plain
        switch type {
        case .boolean:
            if plain, ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if plain, ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            let quoted = !plain && ["true", "false"].contains(text.lowercased())
            let found = quoted ? "the string '\(text)'" : "'\(clip(text))'"
            report(.error(.configType, "'\(path)' must be true or false, found \(found)", at: here,
                          hint: quoted ? (scalar.style == .taggedString ? "remove the tag" : "remove the quotes") : nil))
            return nil
        case .integer(let lo, let hi):
            guard plain, let value = Int(text) else {
                report(.error(.configType, "'\(path)' must be an integer, found '\(clip(text))'", at: here))
                return nil
            }
            guard value >= lo, value <= hi else {
                report(.error(.configRange, "'\(path)' must be from \(lo) to \(hi), found \(value)", at: here))
                return nil
            }
            return .int(value)
        default:
            break
        }
        if let reason = SecretDetector.secretReason(inValue: text) {
            report(.error(.configSecret, "'\(path)' \(reason); secrets cannot be written into a static site",
                          at: here, hint: SecretDetector.runtimeHint))
            return nil
        }
        switch type {
        case .string(let maxLength, let minLength):
            let length = text.unicodeScalars.count
            if length > maxLength {
                report(.error(.configTooLong, "'\(path)' is \(length) characters long; the limit is \(maxLength)", at: here))
                return nil
            }
            if length < minLength {
                let need = minLength == 1 ? "must not be empty" : "must have at least \(minLength) characters"
                report(.error(.configTooShort, "'\(path)' \(need)", at: here))
                return nil
            }
            if let bad = text.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }) {
                report(.error(.configControlCharacter, "'\(path)' contains the control character U+\(String(format: "%04X", bad.value))", at: here))
                return nil
            }
            return .string(text)
        case .enumeration(let words):
            guard words.contains(text) else {
                var message = "'\(path)' must be one of \(words.map { "'\($0)'" }.joined(separator: ", ")), found '\(clip(text))'"
                if let guess = Suggestion.closest(to: text, in: words) { message += " (did you mean '\(guess)'?)" }
                report(.error(.configEnum, message, at: here))
                return nil
            }
            return .string(text)
        case .url:
            do {
                let url = try urlPolicy.validate(text)
                return .string(url.string)
            } catch {
                report(.error(error.code, "'\(path)': \(error.reason)", at: here))
                return nil
            }
        case .path:
            guard ValueRules.isAbsolutePath(text) else {
                report(.error(.configPath, "'\(path)' must be a same-origin absolute path like '/api/endpoint', found '\(clip(text))'", at: here))
                return nil
            }
            return .string(text)
        case .phone:
            guard ValueRules.isPhone(text) else {
                report(.error(.configPhone, "'\(path)' must be a phone number in E.164 form like '+33612345678', found '\(clip(text))'", at: here))
                return nil
            }
            return .string(text)
        case .email:
            guard ValueRules.isEmail(text) else {
                report(.error(.configEmail, "'\(path)' must be an e-mail address, found '\(clip(text))'", at: here))
                return nil
            }
            return .string(text)
        case .color:
            guard ValueRules.isColor(text) else {
                report(.error(.configColor, "'\(path)' must be a color like '#0b5fff', found '\(clip(text))'", at: here))
                return nil
            }
            return .string(text.lowercased())
        case .hostName:
            guard ValueRules.isHostName(text, requireDot: true) else {
                report(.error(.configHost, "'\(path)' must be a lowercase host name like 'apizee.example.com', found '\(clip(text))'", at: here))
                return nil
            }
            return .string(text)
        case .token(let rule, let check):
            guard check(text) else {
                report(.error(.configValue, "'\(path)' must be \(rule), found '\(clip(text))'", at: here))
                return nil
            }
            return .string(text)
        default:
            return nil
        }
    }

    func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): return "'\(clip(s.string))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// A value quoted in a message: a short excerpt (line breaks and controls are escaped when
    /// the diagnostic is printed).
    func clip(_ text: String) -> String { DisplayText.excerpt(text) }
}
