import EmbedCore
import Foundation

/// Parses one YAML document into a `YAMLNode` tree, turning every failure into a located
/// diagnostic. `firstLine` shifts line numbers for YAML embedded in a page (front matter,
/// `embed` blocks).
public enum YAMLLoader {
    public static func load(data: Data, file: String) -> Result<YAMLNode?, Diagnostic> {
        switch YAMLPrecheck.decode(data, file: file) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let text): return load(text: text, file: file)
        }
    }

    public static func load(text: String, file: String, firstLine: Int = 1, firstColumn: Int = 1) -> Result<YAMLNode?, Diagnostic> {
        if text.utf8.count > YAMLPrecheck.maxBytes {
            return .failure(.error(.yamlTooLarge, "YAML is larger than \(YAMLPrecheck.maxBytes) bytes",
                                   at: SourceLocation(file: file, line: firstLine, column: 1)))
        }
        return YAMLComposer.compose(text, file: file, firstLine: firstLine, columnOffset: firstColumn - 1)
    }
}
