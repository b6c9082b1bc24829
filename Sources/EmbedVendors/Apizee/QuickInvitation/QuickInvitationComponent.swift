import EmbedConfig
import EmbedCore

/// The quick-invitation button: options, tenant defaults (`apizee.quickInvitation`), the
/// `invite` layout and `embedsmith link quick-invitation`. Doc: docs/components/quick-invitation.md.
extension QuickInvitation: Component {
    public static let kind = "quick-invitation"

    public static let optionsSchema = ObjectSchema("quick-invitation", doc: "Apizee quick-invitation button (opens the invitation form in a new tab)", [
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "text of the button", default: "Start video assistance"),
        FieldSchema("variant", .enumeration(["current", "legacy"]), doc: "current: /quick-invitation; legacy: /tickets/quick-invitation", default: "the tenant's apizee.quickInvitation.variant"),
        FieldSchema("reference", .string(maxLength: 50), doc: "case reference shown read-only in the form (at most 50 characters)"),
        FieldSchema("serviceKey", CommonTypes.serviceKey, doc: "32-character service key (current variant); overrides the tenant's"),
        FieldSchema("phones", .list(.phone, maxItems: 20), doc: "recipients' phone numbers in E.164 form (current variant: phone_numbers)"),
        FieldSchema("emails", .list(.email, maxItems: 20), doc: "recipients' e-mail addresses (current variant: email_addresses)"),
        FieldSchema("readOnly", .object(ObjectSchema("readOnly", [
            FieldSchema("service", .boolean, doc: "lock the service dropdown (read_only.service)"),
            FieldSchema("recipients", .boolean, doc: "lock the recipients field (read_only.recipients)"),
        ])), doc: "fields the agent cannot change (current variant)"),
        FieldSchema("phone", .phone, doc: "recipient's phone number (legacy variant)"),
        FieldSchema("name", .string(maxLength: 100), doc: "recipient's name (legacy variant)"),
        FieldSchema("description", .string(maxLength: 500), doc: "what the invitation is about (legacy variant)"),
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "quickInvitation", doc: "quick-invitation defaults", schema: ObjectSchema("quickInvitation", doc: "defaults of every quick-invitation button", [
        FieldSchema("variant", .enumeration(["current", "legacy"]), doc: "current (/quick-invitation) or legacy (/tickets/quick-invitation)", default: "current"),
        FieldSchema("serviceKey", CommonTypes.serviceKey, doc: "32-character service key to preselect"),
        FieldSchema("readOnly", .object(ObjectSchema("readOnly", [
            FieldSchema("service", .boolean, doc: "lock the service dropdown"),
            FieldSchema("recipients", .boolean, doc: "lock the recipients field"),
        ])), doc: "locked fields (current variant)"),
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "default button text"),
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("invite", frontMatter: .options(key: "invitation", doc: "the main quick-invitation button of an 'invite' page"))

    public static let link: LinkSpec? = LinkSpec(
        optionNames: ["phones": "phone-numbers", "emails": "email-addresses"],
        examples: ["--reference CASE-42 --phone-numbers +33612345678 --service-key 0123456789abcdef0123456789abcdef",
                   "--variant legacy --phone +33612345678 --reference 9867 --name \"Jane Doe\" --html"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: (try? url().string) ?? "", html: output(context: context).html.markup)
    }
}
