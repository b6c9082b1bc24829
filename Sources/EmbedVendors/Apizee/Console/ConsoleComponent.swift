import EmbedConfig

/// The Apizee console frame on the tenant's CNAME (`apizee.console`), and the `console` layout.
/// Doc: docs/components/console.md.
extension ConsoleFrame: Component {
    public static let kind = "console"

    public enum Options {
        public static let path = ConfigKey<String>("path", .path, doc: "path on the console host", default: "/")
        public static let title = ConfigKey<String>("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame")
    }

    /// `apizee.console` in tenant.yaml; also read by `RoomLink` (room URLs may use the CNAME).
    public enum TenantSettings {
        public static let host = ConfigKey<String>("host", .hostName, doc: "a CNAME of cloud.apizee.com authorised by Apizee (never cloud.apizee.com itself)")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "Apizee console iframe on the tenant's CNAME", keys: [Options.path, Options.title])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "console", doc: "console iframe",
                                                                    schema: ObjectSchema("console", keys: [TenantSettings.host]))

    public static let layout: ComponentLayout? = ComponentLayout("console", frontMatter: .options(key: "console", doc: "options of a 'console' page"))
}
