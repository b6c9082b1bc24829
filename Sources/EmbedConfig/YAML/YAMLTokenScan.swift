// libyaml's scanner, as bundled by Yams (module CYaml), run over the whole document when
// `YAMLComposer` refuses it: tokens carry their own positions (an anchor after a tag, an alias
// after a JSON-style key), so the refusal is reported exactly where it is written, and a refused
// token anywhere wins over a parse error (the order users saw when this scan ran first). It is
// linear and iterative: hostile input costs it no more than its length.
import CYaml
import EmbedCore

enum YAMLTokenScan {
    static let maxDepth = 32
    static let maxTokens = 400_000

    /// A located refusal, or nil when the text may be composed (syntax errors are left to Yams,
    /// which reports them with context).
    static func check(_ text: String, file: String, firstLine: Int, columnOffset: Int = 0) -> Diagnostic? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> Diagnostic? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var depth = 0
            var afterKey = false
            var count = 0
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                let at = SourceLocation(file: file, line: Int(token.start_mark.line) + firstLine, column: Int(token.start_mark.column) + 1 + columnOffset)
                count += 1
                if count > maxTokens {
                    return .error(.yamlTooLarge, "YAML has more than \(maxTokens) tokens", at: at)
                }
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return nil
                case YAML_SCALAR_TOKEN:
                    // Yams decodes scalars with Foundation, which silently drops a leading U+FEFF
                    // (written as "\uFEFF"): refuse it rather than change the value unseen.
                    if token.data.scalar.length >= 3, let v = token.data.scalar.value,
                       v[0] == 0xEF, v[1] == 0xBB, v[2] == 0xBF {
                        return .error(.inputEncoding, "a value starts with a byte order mark (U+FEFF), which YAML readers drop", at: at,
                                      hint: "remove the \\uFEFF")
                    }
                case YAML_TAG_DIRECTIVE_TOKEN:
                    return .error(.yamlTag, "%TAG directives are not supported", at: at, hint: "remove the directive and the tags that use it")
                case YAML_TAG_TOKEN:
                    // Which node a tag stands on is the composer's to check; here, the tags no node may have.
                    let tag = token.data.tag
                    let handle = tag.handle.map { String(cString: $0) } ?? ""
                    let suffix = tag.suffix.map { String(cString: $0) } ?? ""
                    if !YAMLTags.mayAccept(handle: handle, suffix: suffix) {
                        let resolved = handle == "!!" ? YAMLTags.corePrefix + suffix : handle + suffix
                        return .error(.yamlTag, YAMLTags.refusal(of: resolved, on: .scalar) ?? resolved, at: at, hint: YAMLTags.hint)
                    }
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    return .error(.yamlAnchor, "YAML anchors and aliases (&name, *name) are not supported in embedsmith files",
                                  at: at, hint: "repeat the value instead")
                case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN,
                     YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN:
                    if afterKey {
                        return .error(.yamlComplexKey, "only plain words can be keys, not lists or mappings", at: at)
                    }
                    depth += 1
                    if depth > maxDepth {
                        return .error(.yamlTooDeep, "nesting deeper than \(maxDepth) levels", at: at)
                    }
                case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN, YAML_BLOCK_END_TOKEN:
                    depth = max(0, depth - 1)
                default:
                    break
                }
                afterKey = token.type == YAML_KEY_TOKEN
            }
        }
    }
}
