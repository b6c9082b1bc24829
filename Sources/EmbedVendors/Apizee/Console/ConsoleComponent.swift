import EmbedConfig

/// The Apizee console frame on the tenant's CNAME (`apizee.console`), and the `console` layout.
/// Doc: docs/components/console.md.
extension ConsoleFrame: Component {
    public static let kind = "console"

    public static let optionsSchema = ObjectSchema("console", doc: "Apizee console iframe on the tenant's CNAME", [
        FieldSchema("path", .path, doc: "path on the console host", default: "/"),
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame"),
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "console", doc: "console iframe", schema: ObjectSchema("console", [
        FieldSchema("host", .hostName, doc: "a CNAME of cloud.apizee.com authorised by Apizee (never cloud.apizee.com itself)"),
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("console", frontMatter: .options(key: "console", doc: "options of a 'console' page"))
}
