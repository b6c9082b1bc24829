import EmbedConfig

/// The session timeline panel: endpoint in `apizee.sessionEvents`, the `timeline` layout.
/// Doc: docs/components/session-timeline.md.
extension SessionTimeline: Component {
    public static let kind = "session-timeline"

    public enum Options {
        public static let title = ConfigKey<String>("title", .string(maxLength: 120, minLength: 1), doc: "accessible label of the panel")
    }

    /// `apizee.sessionEvents` in tenant.yaml.
    public enum TenantSettings {
        public static let endpoint = ConfigKey<String>("endpoint", .path, doc: "your proxy of GET /api/v3/tickets/{id}/events; {ticketId} is replaced at run time")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "Apizee session timeline of the ticket named by ?ticketId= in the page URL", keys: [Options.title])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "sessionEvents", doc: "session timeline",
                                                                    schema: ObjectSchema("sessionEvents", keys: [TenantSettings.endpoint]))

    public static let layout: ComponentLayout? = ComponentLayout("timeline", frontMatter: .options(key: "timeline", doc: "options of a 'timeline' page"))
}
