import EmbedConfig
import EmbedCore

/// The quick-invitation button: its keys (block and tenant defaults, `apizee.quickInvitation`),
/// the `invite` layout and `embedsmith link quick-invitation`. Doc: docs/components/quick-invitation.md.
extension QuickInvitation: Component {
    public static let kind = "quick-invitation"

    /// Keys of an `embed quick-invitation` block (and of an `invite` page's `invitation`).
    public enum Options {
        public static let label = ConfigKey<String>("label", .string(maxLength: 120, minLength: 1), doc: "text of the button", default: "Start video assistance")
        public static let variant = ConfigKey<String>("variant", .enumeration(Variant.names), doc: "current: /quick-invitation; legacy: /tickets/quick-invitation",
                                                      defaultDoc: "the tenant's apizee.quickInvitation.variant")
        public static let reference = ConfigKey<String>("reference", .string(maxLength: QuickInvitation.maxReferenceLength),
                                                        doc: "case reference shown read-only in the form (at most 50 characters)")
        public static let serviceKey = ConfigKey<String>("serviceKey", CommonTypes.serviceKey, doc: "32-character service key (current variant); overrides the tenant's")
        public static let phones = ConfigKey<[String]>("phones", .list(.phone, maxItems: 20), doc: "recipients' phone numbers in E.164 form (current variant: phone_numbers)")
        public static let emails = ConfigKey<[String]>("emails", .list(.email, maxItems: 20), doc: "recipients' e-mail addresses (current variant: email_addresses)")
        public static let readOnly = ConfigKey<ConfigObject>("readOnly", .object(ReadOnly.schema), doc: "fields the agent cannot change (current variant)")
        public static let phone = ConfigKey<String>("phone", .phone, doc: "recipient's phone number (legacy variant)")
        public static let name = ConfigKey<String>("name", .string(maxLength: 100), doc: "recipient's name (legacy variant)")
        public static let description = ConfigKey<String>("description", .string(maxLength: 500), doc: "what the invitation is about (legacy variant)")

        /// Keys only one variant's form reads.
        static let currentOnly: [any AnyConfigKey] = [serviceKey, phones, emails, readOnly]
        static let legacyOnly: [any AnyConfigKey] = [phone, name, description]
    }

    /// `readOnly`, in a block and in the tenant's defaults: each flag falls back on its own.
    public enum ReadOnly {
        public static let service = ConfigKey<Bool>("service", .boolean, doc: "lock the service dropdown (read_only.service)")
        public static let recipients = ConfigKey<Bool>("recipients", .boolean, doc: "lock the recipients field (read_only.recipients)")
        static let schema = ObjectSchema("readOnly", keys: [service, recipients])
    }

    /// Keys of `apizee.quickInvitation` in tenant.yaml: defaults of every button.
    public enum TenantDefaults {
        public static let variant = ConfigKey<String>("variant", .enumeration(Variant.names), doc: "current (/quick-invitation) or legacy (/tickets/quick-invitation)",
                                                      default: Variant.current.rawValue)
        public static let serviceKey = ConfigKey<String>("serviceKey", CommonTypes.serviceKey, doc: "32-character service key to preselect")
        public static let readOnly = ConfigKey<ConfigObject>("readOnly", .object(ReadOnly.schema), doc: "locked fields (current variant)")
        public static let label = ConfigKey<String>("label", .string(maxLength: 120, minLength: 1), doc: "default button text")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "Apizee quick-invitation button (opens the invitation form in a new tab)", keys: [
        Options.label, Options.variant, Options.reference, Options.serviceKey, Options.phones, Options.emails, Options.readOnly,
        Options.phone, Options.name, Options.description,
    ])

    public static let tenantSection: TenantSection? = TenantSection(
        vendor: Apizee.section, key: "quickInvitation", doc: "quick-invitation defaults",
        schema: ObjectSchema("quickInvitation", doc: "defaults of every quick-invitation button", keys: [
            TenantDefaults.variant, TenantDefaults.serviceKey, TenantDefaults.readOnly, TenantDefaults.label,
        ]))

    public static let layout: ComponentLayout? = ComponentLayout("invite", frontMatter: .options(key: "invitation", doc: "the main quick-invitation button of an 'invite' page"))

    public static let link: LinkSpec? = LinkSpec(
        optionNames: [Options.phones.name: "phone-numbers", Options.emails.name: "email-addresses"],
        examples: ["--reference CASE-42 --phone-numbers +33612345678 --service-key 0123456789abcdef0123456789abcdef",
                   "--variant legacy --phone +33612345678 --reference 9867 --name \"Jane Doe\" --html"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: (try? url().string) ?? "", html: output(context: context).html.markup)
    }
}
