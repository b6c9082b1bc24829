import EmbedCore
import Foundation

/// The page's `<script type="application/json" id="embedsmith-config">`: what the bridge reads,
/// written by the generator and read back by the checker with this same type. Its shape is
/// documented in docs/bridge-settings.md.
public struct BridgeSettings: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public var version: Int
    /// `en` or `fr`: the language of the bridge's UI strings.
    public var locale: String
    public var parts: BridgeContribution

    public init(locale: String, parts: BridgeContribution, version: Int = currentVersion) {
        self.version = version
        self.locale = locale
        self.parts = parts
    }

    enum CodingKeys: String, CodingKey { case version, locale, frames, loaderAgent, chatapp, engage, timeline }

    /// `version`, `locale`, `frames` and `loaderAgent` (null when off) are always written; the
    /// other features only when used ("absent keys are off").
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(locale, forKey: .locale)
        try c.encode(parts.frames, forKey: .frames)
        try c.encode(parts.loaderAgent, forKey: .loaderAgent)
        if !parts.chatapp.isEmpty { try c.encode(parts.chatapp, forKey: .chatapp) }
        try c.encodeIfPresent(parts.engage, forKey: .engage)
        try c.encodeIfPresent(parts.timeline, forKey: .timeline)
    }

    /// Lenient, as the bridge is: a key of the wrong shape is read as absent, and a list keeps
    /// its well-formed entries (hand-written pages hold settings the generator never writes).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = (try? c.decodeIfPresent(Int.self, forKey: .version)) ?? Self.currentVersion
        locale = (try? c.decodeIfPresent(String.self, forKey: .locale)) ?? "en"
        parts = BridgeContribution(
            frames: Self.entries(c, .frames),
            loaderAgent: try? c.decodeIfPresent(LoaderAgentSettings.self, forKey: .loaderAgent),
            chatapp: Self.entries(c, .chatapp),
            engage: try? c.decodeIfPresent(EngageSettings.self, forKey: .engage),
            timeline: try? c.decodeIfPresent(TimelineSettings.self, forKey: .timeline))
    }

    private static func entries<T: Decodable>(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> [T] {
        guard let list = try? c.decodeIfPresent([Entry<T>].self, forKey: key) else { return [] }
        return list.compactMap(\.value)
    }

    /// One list entry, nil when it does not have the type's shape.
    private struct Entry<T: Decodable>: Decodable {
        var value: T?
        init(from decoder: any Decoder) throws { value = try? T(from: decoder) }
    }

    /// The block's text: escaped for a `<script>` element, keys sorted.
    public var scriptJSON: String {
        ScriptJSON.encode(JSONValue(encoding: self) ?? .null)
    }

    /// Reads a settings block's text; nil when it is not a JSON object.
    public static func read(json: String) -> BridgeSettings? {
        try? JSONDecoder().decode(BridgeSettings.self, from: Data(json.utf8))
    }
}
