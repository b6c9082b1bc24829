import EmbedConfig

/// A link to a room URL from the Apizee REST API. Doc: docs/components/room-link.md.
extension RoomLink: Component {
    public static let kind = "room-link"

    public enum Options {
        public static let url = ConfigKey<String>("url", .url, required: true, doc: "room URL on cloud.apizee.com, app.apizee.com or the tenant's console host")
        public static let label = ConfigKey<String>("label", .string(maxLength: 120, minLength: 1), doc: "link text", default: "Join the video session")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "link that opens an Apizee room URL (from the REST API) in a new tab", keys: [Options.url, Options.label])
}
