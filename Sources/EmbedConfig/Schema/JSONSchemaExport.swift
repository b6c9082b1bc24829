import EmbedCore

/// JSON Schema (draft 2020-12) generated from the same declarations that validate config.
public enum JSONSchemaExport {
    /// `tenant` and `page`: the whole schemas, vendor sections included (the component registry's).
    public static func document(for target: String, tenant tenantSchema: ObjectSchema, page pageSchema: ObjectSchema) -> String {
        let tenant = schema(tenantSchema)
        let page = schema(pageSchema)
        let value: JSONValue
        switch target {
        case "tenant": value = withHeader(tenant, title: "embedsmith tenant.yaml")
        case "page": value = withHeader(page, title: "embedsmith page front matter")
        default:
            value = ["$schema": "https://json-schema.org/draft/2020-12/schema",
                     "title": "embedsmith configuration",
                     "$defs": .object(["tenant": tenant, "page": page] as [String: JSONValue])]
        }
        return ScriptJSON.encode(value)
    }

    static func withHeader(_ object: JSONValue, title: String) -> JSONValue {
        guard case .object(var dict) = object else { return object }
        dict["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        dict["title"] = .string(title)
        return .object(dict)
    }

    static func schema(_ object: ObjectSchema) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in object.fields {
            var property = type(field.type)
            if case .object(var dict) = property {
                dict["description"] = .string(field.doc + (field.defaultValue.map { " (default: \($0))" } ?? ""))
                property = .object(dict)
            }
            properties[field.name] = property
        }
        var result: [String: JSONValue] = ["type": "object", "additionalProperties": false, "properties": .object(properties)]
        let required = object.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { result["required"] = .array(required) }
        return .object(result)
    }

    static func type(_ type: SchemaType) -> JSONValue {
        switch type {
        case .string(let maxLength, let minLength):
            return ["type": "string", "maxLength": .int(maxLength), "minLength": .int(minLength)]
        case .boolean: return ["type": "boolean"]
        case .integer(let lo, let hi): return ["type": "integer", "minimum": .int(lo), "maximum": .int(hi)]
        case .enumeration(let words): return ["type": "string", "enum": .array(words.map { .string($0) })]
        case .url: return ["type": "string", "format": "uri", "pattern": "^https://"]
        case .path: return ["type": "string", "pattern": "^/[^/]"]
        case .phone: return ["type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$"]
        case .email: return ["type": "string", "format": "email"]
        case .color: return ["type": "string", "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"]
        case .hostName: return ["type": "string", "format": "hostname"]
        case .token(let rule, _): return ["type": "string", "$comment": .string(rule)]
        case .list(let item, let maxItems): return ["type": "array", "items": self.type(item), "maxItems": .int(maxItems)]
        case .object(let object): return schema(object)
        case .refused(let reason): return ["not": [:], "$comment": .string(reason)]
        }
    }
}
