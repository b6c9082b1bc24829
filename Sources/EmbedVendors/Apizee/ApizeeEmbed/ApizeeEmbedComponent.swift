import EmbedConfig
import EmbedCore

/// The Apizee Embed agent app: options, tenant settings (`apizee.embed`), the `embed-agent`
/// layout and `embedsmith link apizee-embed`. Doc: docs/components/apizee-embed.md.
extension ApizeeEmbedFrame: Component {
    public static let kind = "apizee-embed"

    public static let optionsSchema = ObjectSchema("apizee-embed", doc: "Apizee Embed agent iframe; keys override the tenant's apizee.embed", [
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("guestPhone", .phone, doc: "phone pre-set in the invitation form (gP)"),
        FieldSchema("locale", CommonTypes.locale, doc: "app language (l)"),
        FieldSchema("externalReferences", .list(.object(ObjectSchema("externalReference", [
            FieldSchema("name", .string(maxLength: 100, minLength: 1), required: true, doc: "reference name"),
            FieldSchema("reference", .string(maxLength: 200, minLength: 1), required: true, doc: "reference value"),
        ])), maxItems: 20), doc: "external references (eR)"),
    ] + AgentFrameUI.fields)

    static let tenantExternalReference = ObjectSchema("externalReference", [
        FieldSchema("name", .string(maxLength: 100, minLength: 1), required: true, doc: "reference name, e.g. ticketId"),
        FieldSchema("reference", .string(maxLength: 200, minLength: 1), required: true, doc: "reference value"),
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "embed", doc: "Apizee Embed agent app", schema: ObjectSchema("embed", doc: "Apizee Embed agent app (app.apizee.com/agent/)", [
        FieldSchema("url", .url, doc: "the Embed app (only app.apizee.com; loopback under --dev)", default: "https://app.apizee.com/agent/"),
        FieldSchema("identificationKey", CommonTypes.identifier(maxLength: 128), doc: "company identification key (iK)"),
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("guestPhone", .phone, doc: "phone pre-set in the invitation form (gP)"),
        FieldSchema("installationId", CommonTypes.identifier(maxLength: 64), doc: "localStorage key prefix (iI)"),
        FieldSchema("locale", CommonTypes.locale, doc: "app language (l)"),
        FieldSchema("externalReferences", .list(.object(tenantExternalReference), maxItems: 20), doc: "external references (eR, JSON)"),
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("embed-agent", frontMatter: .options(key: "embedAgent", doc: "options of an 'embed-agent' page"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: ["apizee.embed.identificationKey", "apizee.embed.installationId", "apizee.embed.url"],
        optionNames: ["externalReferences": "external-reference"],
        missingSettingHints: ["apizee-embed-key-missing": "pass --identification-key", "apizee-embed-conversation-missing": "pass --conversation"],
        examples: ["--identification-key MyKey --conversation Case-7 --external-reference ticketId=12345"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: url.string, html: output(context: context).html.markup)
    }
}
