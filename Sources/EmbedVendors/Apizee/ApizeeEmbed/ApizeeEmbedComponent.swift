import EmbedConfig
import EmbedCore

/// The Apizee Embed agent app: its keys (block, and tenant settings `apizee.embed`), the
/// `embed-agent` layout and `embedsmith link apizee-embed`. Doc: docs/components/apizee-embed.md.
extension ApizeeEmbedFrame: Component {
    public static let kind = "apizee-embed"

    /// Keys a block and the tenant's `apizee.embed` share (a block's value wins).
    public enum Shared {
        public static let conversation = ConfigKey<String>("conversation", .string(maxLength: 100), doc: "conversation name (cN)")
        public static let guestPhone = ConfigKey<String>("guestPhone", .phone, doc: "phone pre-set in the invitation form (gP)")
        public static let locale = ConfigKey<String>("locale", CommonTypes.locale, doc: "app language (l)")
        public static let externalReferences = ConfigKey<[ConfigObject]>("externalReferences", .list(.object(ObjectSchema("externalReference", keys: [
            ExternalReference.name, ExternalReference.reference,
        ])), maxItems: 20), doc: "external references (eR, JSON)")
    }

    public enum ExternalReference {
        public static let name = ConfigKey<String>("name", .string(maxLength: 100, minLength: 1), required: true, doc: "reference name, e.g. ticketId")
        public static let reference = ConfigKey<String>("reference", .string(maxLength: 200, minLength: 1), required: true, doc: "reference value")
    }

    /// Keys only the tenant's `apizee.embed` has.
    public enum TenantSettings {
        public static let url = ConfigKey<String>("url", .url, doc: "the Embed app (only app.apizee.com; loopback under --dev)", default: ApizeeHosts.embedDefault)
        public static let identificationKey = ConfigKey<String>("identificationKey", CommonTypes.identifier(maxLength: 128), doc: "company identification key (iK)")
        public static let installationId = ConfigKey<String>("installationId", CommonTypes.identifier(maxLength: 64), doc: "localStorage key prefix (iI)")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "Apizee Embed agent iframe; keys override the tenant's apizee.embed", keys: [
        Shared.conversation, Shared.guestPhone, Shared.locale, Shared.externalReferences,
    ] + AgentFrameUI.keys)

    public static let tenantSection: TenantSection? = TenantSection(
        vendor: Apizee.section, key: "embed", doc: "Apizee Embed agent app",
        schema: ObjectSchema("embed", doc: "Apizee Embed agent app (app.apizee.com/agent/)", keys: [
            TenantSettings.url, TenantSettings.identificationKey, Shared.conversation, Shared.guestPhone, TenantSettings.installationId,
            Shared.locale, Shared.externalReferences,
        ]))

    public static let layout: ComponentLayout? = ComponentLayout("embed-agent", frontMatter: .options(key: "embedAgent", doc: "options of an 'embed-agent' page"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: LinkSpec.tenant(tenantSection, [TenantSettings.identificationKey, TenantSettings.installationId, TenantSettings.url]),
        optionNames: [Shared.externalReferences.name: "external-reference"],
        missingSettingHints: ["apizee-embed-key-missing": "pass --identification-key", "apizee-embed-conversation-missing": "pass --conversation"],
        examples: ["--identification-key MyKey --conversation Case-7 --external-reference ticketId=12345"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: url.string, html: output(context: context).html.markup)
    }
}
