import EmbedCore
import Foundation

/// What the open pages are told after each build: a generation that changes on every
/// successful build (the pages reload when it does) and the failed build's diagnostics
/// (shown in the overlay until a build succeeds). The generation starts with a token of this
/// serve process, so pages reconnecting to a restarted serve reload too.
public struct BuildState: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public var severity: String
        public var code: String
        public var message: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var hint: String?

        public init(_ diagnostic: Diagnostic) {
            // Display-escaped as every output format is (control characters shown, not sent);
            // the page inserts the text with textContent, never as HTML.
            let shown = diagnostic.escapedForDisplay
            severity = diagnostic.severity.rawValue
            code = shown.code
            message = shown.message
            file = shown.location?.file
            line = shown.location?.line
            column = shown.location?.column
            hint = shown.hint
        }
    }

    public var generation: String
    public var failed: Bool
    public var diagnostics: [Item]

    /// Diagnostics sent at most (a build of many broken tenants stays a small message).
    public static let maxItems = 200

    public init(generation: String, failed: Bool, diagnostics: [Diagnostic]) {
        self.generation = generation
        self.failed = failed
        self.diagnostics = diagnostics.sortedForOutput().prefix(Self.maxItems).map(Item.init)
    }

    /// One `text/event-stream` event named `state`.
    public var eventBytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // JSON has no raw newline: the event's one data line.
        return Array("event: state\ndata: \(json)\n\n".utf8)
    }
}
