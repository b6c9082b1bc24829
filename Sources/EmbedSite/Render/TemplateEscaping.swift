import EmbedCore
import Mustache

/// How `{{value}}` is escaped in every layout and partial: `HTMLEscaping.escapeForTemplate`,
/// in place of swift-mustache's own HTML escaping. That one walks `Character`s, so `"`
/// followed by a combining mark (one grapheme) is not escaped and can end a quoted
/// attribute; it is also the slowest step of rendering.
///
/// swift-mustache chooses the escaping by content type, set by a `{{% CONTENT_TYPE: ...}}`
/// pragma. Project templates may not contain pragmas (`TemplateSafetyCheck`); the tool adds
/// this one, on its own first line, to each template it registers. A pragma alone on a line
/// leaves no output, so the rendered bytes only differ where the old escaping was wrong.
enum TemplateEscaping {
    static let contentTypeName = "EMBEDSMITH_HTML"

    /// Put before each template's text; `linesAdded` is subtracted from parser error lines.
    static let pragmaLine = "{{% CONTENT_TYPE: \(contentTypeName)}}\n"
    static let linesAdded = 1

    /// Registers the content type once per process, before the first template that names it.
    static let registered: Void = {
        MustacheContentTypes.register(ContentType(), named: contentTypeName)
    }()

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escapeForTemplate(text) }
    }
}
