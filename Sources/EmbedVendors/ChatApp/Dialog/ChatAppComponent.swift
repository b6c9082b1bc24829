import EmbedConfig
import EmbedCore

/// ChatApp Dialog: options, the tenant's `chatapp` section, the `dialog` layout and
/// `embedsmith link chatapp`. Doc: docs/components/chatapp.md.
extension ChatAppEmbed: Component {
    public static let kind = "chatapp"

    public static let optionsSchema = ObjectSchema("chatapp", doc: "ChatApp Dialog (dialogs.pro) as a link or a sandboxed iframe; keys override the tenant's chatapp", [
        FieldSchema("display", .enumeration(["iframe", "link"]), doc: "an embedded dialog or a link opening it in a new tab", default: "iframe"),
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "link text", default: "Open the conversation"),
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame"),
        FieldSchema("licenseId", .integer(min: 1, max: 999_999_999), doc: "channel number (api[license_id])"),
        FieldSchema("messenger", CommonTypes.identifier(maxLength: 40), doc: "messenger type (api[messenger_type])"),
        FieldSchema("phones", .list(CommonTypes.phoneDigits, maxItems: 20), doc: "customer phone numbers (crm[phones][N]), digits"),
        FieldSchema("dialogIds", .list(CommonTypes.chatID, maxItems: 20), doc: "chat ids (crm[dialogIds][N])"),
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: ChatApp.section, key: nil, schema: ObjectSchema("chatapp", [
        FieldSchema("licenseId", .integer(min: 1, max: 999_999_999), doc: "channel number (api[license_id])"),
        FieldSchema("messenger", CommonTypes.identifier(maxLength: 40), doc: "messenger type (api[messenger_type]), e.g. grWhatsApp"),
        FieldSchema("messengers", .list(CommonTypes.identifier(maxLength: 40), maxItems: 30), doc: "allowed messenger types", default: "[grWhatsApp, telegram]"),
        FieldSchema("crmDomain", .hostName, doc: "external system domain (api[crm_domain])"),
        FieldSchema("employeeExtCode", CommonTypes.identifier(maxLength: 64), doc: "employee id in the external system"),
        FieldSchema("sandbox", .enumeration(["vendor", "hardened"]), doc: "iframe sandbox profile", default: "vendor"),
        FieldSchema("tokenEndpoint", .path, doc: "same-origin endpoint that returns a live access token at run time"),
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("dialog", frontMatter: .options(key: "dialog", doc: "ChatApp options of a 'dialog' page"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: ["chatapp.messengers", "chatapp.sandbox"],
        optionNames: ["phones": "phone", "dialogIds": "dialog-id"],
        missingSettingHints: ["chatapp-employee-without-token": "no --crm-domain/--employee-ext-code: they need a live token"],
        examples: ["--license-id 30310 --messenger grWhatsApp --phone 79999999999 --html"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: url.string, html: output(context: context).html.markup)
    }
}
