import EmbedCore
import Foundation

/// Cheap checks on raw YAML bytes before the parser sees them, so hostile files fail with a
/// located error in bounded time and memory instead of exhausting the stack or RAM.
enum YAMLPrecheck {
    static let maxBytes = 1 << 20

    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        SourceText.decode(data, file: file, maxBytes: maxBytes)
    }
}
