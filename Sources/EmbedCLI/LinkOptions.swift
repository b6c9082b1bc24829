import EmbedConfig
import EmbedCore
import EmbedVendors

/// The options of `embedsmith link KIND`, derived from the component's options schema (every
/// key; nested keys joined: `readOnly.service` → `--read-only-service`) and the tenant keys its
/// `LinkSpec` lists (`apizee.webAgent.url` → `--url`). Parsed values become YAML nodes directly
/// (no YAML text), so the generator's own validator and builder run on them, and each node
/// carries the number of the option that wrote it so a diagnostic names that option.
struct LinkOptions {
    enum Target { case block, tenant }

    struct Option {
        var name: String
        var target: Target
        /// Keys from the block's (or tenant.yaml's) root.
        var path: [String]
        var type: SchemaType
        var doc: String
        var defaultValue: String?
    }

    let component: any Component.Type
    let options: [Option]

    init(_ component: any Component.Type) {
        self.component = component
        let spec = component.link ?? LinkSpec(examples: [])
        func name(_ path: [String]) -> String {
            spec.optionNames[path.joined(separator: ".")] ?? Self.kebab(path.joined(separator: "-"))
        }
        var options: [Option] = []
        func walk(_ schema: ObjectSchema, _ prefix: [String]) {
            for field in schema.fields {
                let path = prefix + [field.name]
                if case .object(let nested) = field.type { walk(nested, path); continue }
                if case .refused = field.type { continue }
                options.append(Option(name: name(path), target: .block, path: path, type: field.type, doc: field.doc, defaultValue: field.defaultValue))
            }
        }
        walk(component.optionsSchema, [])
        for path in spec.tenantKeys {
            guard let field = Self.field(at: path, in: ComponentRegistry.tenantSchema), let last = path.last else { continue }
            options.append(Option(name: spec.optionNames[path.joined(separator: ".")] ?? Self.kebab(last), target: .tenant, path: path,
                                  type: field.type, doc: field.doc, defaultValue: field.defaultValue))
        }
        self.options = options
    }

    static func field(at path: [String], in schema: ObjectSchema) -> FieldSchema? {
        guard let first = path.first, let field = schema.field(first) else { return nil }
        if path.count == 1 { return field }
        guard case .object(let nested) = field.type else { return nil }
        return Self.field(at: Array(path.dropFirst()), in: nested)
    }

    /// `phoneNumbers` → `phone-numbers`.
    static func kebab(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
        return out
    }

    /// The options section of the subcommand's help: each option, then what it sets.
    var help: String {
        var lines = ["Options (from the component's schema; see docs/components/\(component.kind).md):"]
        for option in options {
            var text = option.doc
            if let d = option.defaultValue { text += " (default: \(d))" }
            if option.target == .tenant { text += " [tenant.yaml \(option.path.joined(separator: "."))]" }
            if case .list(.object(let item), _) = option.type, item.fields.count >= 2 {
                text += "; write \(item.fields[0].name.uppercased())=\(item.fields[1].name.uppercased()), repeatable"
            } else if case .list = option.type {
                text += "; comma-separated or repeated"
            }
            lines.append("  --\(option.name) <\(Self.placeholder(option.type))>")
            lines.append("      " + text)
        }
        return lines.joined(separator: "\n")
    }

    static func placeholder(_ type: SchemaType) -> String {
        switch type {
        case .boolean: return "true|false"
        case .integer: return "n"
        case .enumeration(let words): return words.joined(separator: "|")
        case .url: return "url"
        case .list(let item, _): return placeholder(item)
        default: return "value"
        }
    }
}
