import EmbedConfig
import EmbedCore

/// ChatApp Dialog: its keys (block, and the tenant's `chatapp` section), the `dialog` layout and
/// `embedsmith link chatapp`. Doc: docs/components/chatapp.md.
extension ChatAppEmbed: Component {
    public static let kind = "chatapp"

    /// How a block shows the dialog.
    public enum Display: String, CaseIterable, Sendable { case iframe, link }

    /// Keys of an `embed chatapp` block (and of a `dialog` page's `dialog`).
    public enum Options {
        public static let display = ConfigKey<String>("display", .enumeration(Display.allCases.map(\.rawValue)),
                                                      doc: "an embedded dialog or a link opening it in a new tab", default: Display.iframe.rawValue)
        public static let label = ConfigKey<String>("label", .string(maxLength: 120, minLength: 1), doc: "link text", default: "Open the conversation")
        public static let title = ConfigKey<String>("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame")
        public static let licenseId = ConfigKey<Int>("licenseId", .integer(min: 1, max: 999_999_999), doc: "channel number (api[license_id])")
        public static let messenger = ConfigKey<String>("messenger", CommonTypes.identifier(maxLength: 40), doc: "messenger type (api[messenger_type])")
        public static let phones = ConfigKey<[String]>("phones", .list(CommonTypes.phoneDigits, maxItems: 20), doc: "customer phone numbers (crm[phones][N]), digits")
        public static let dialogIds = ConfigKey<[String]>("dialogIds", .list(CommonTypes.chatID, maxItems: 20), doc: "chat ids (crm[dialogIds][N])")
    }

    /// The tenant's `chatapp` section.
    public enum TenantSettings {
        public static let licenseId = Options.licenseId
        public static let messenger = ConfigKey<String>("messenger", CommonTypes.identifier(maxLength: 40), doc: "messenger type (api[messenger_type]), e.g. grWhatsApp")
        public static let messengers = ConfigKey<[String]>("messengers", .list(CommonTypes.identifier(maxLength: 40), maxItems: 30), doc: "allowed messenger types",
                                                           default: ChatAppDialog.messengerTypes.sorted())
        public static let crmDomain = ConfigKey<String>("crmDomain", .hostName, doc: "external system domain (api[crm_domain])")
        public static let employeeExtCode = ConfigKey<String>("employeeExtCode", CommonTypes.identifier(maxLength: 64), doc: "employee id in the external system")
        public static let sandbox = ConfigKey<String>("sandbox", .enumeration(ChatAppDialog.sandboxProfileNames), doc: "iframe sandbox profile", default: "vendor")
        public static let tokenEndpoint = ConfigKey<String>("tokenEndpoint", .path, doc: "same-origin endpoint that returns a live access token at run time")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "ChatApp Dialog (dialogs.pro) as a link or a sandboxed iframe; keys override the tenant's chatapp", keys: [
        Options.display, Options.label, Options.title, Options.licenseId, Options.messenger, Options.phones, Options.dialogIds,
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: ChatApp.section, key: nil, schema: ObjectSchema("chatapp", keys: [
        TenantSettings.licenseId, TenantSettings.messenger, TenantSettings.messengers, TenantSettings.crmDomain, TenantSettings.employeeExtCode,
        TenantSettings.sandbox, TenantSettings.tokenEndpoint,
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("dialog", frontMatter: .options(key: "dialog", doc: "ChatApp options of a 'dialog' page"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: LinkSpec.tenant(tenantSection, [TenantSettings.messengers, TenantSettings.sandbox]),
        optionNames: [Options.phones.name: "phone", Options.dialogIds.name: "dialog-id"],
        missingSettingHints: ["chatapp-employee-without-token": "no --crm-domain/--employee-ext-code: they need a live token"],
        examples: ["--license-id 30310 --messenger grWhatsApp --phone 79999999999 --html"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: url.string, html: output(context: context).html.markup)
    }
}
