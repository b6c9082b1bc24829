/// Options of the components that pages place with ```` ```embed KIND ```` blocks (and that
/// front matter or `embedsmith link` can set). The config contract lives here; the vendor
/// modules give it meaning.
public enum ComponentSchemas {
    public static let quickInvitation = ObjectSchema("quick-invitation", doc: "Apizee quick-invitation button (opens the invitation form in a new tab)", [
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
    ])

    public static let roomLink = ObjectSchema("room-link", doc: "link that opens an Apizee room URL (from the REST API) in a new tab", [
        FieldSchema("url", .url, required: true, doc: "room URL on cloud.apizee.com, app.apizee.com or the tenant's console host"),
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "link text", default: "Join the video session"),
    ])

    /// Schema of each `embed KIND` block, by kind.
    public static let byKind: [String: ObjectSchema] = [
        "quick-invitation": quickInvitation,
        "room-link": roomLink,
    ]
}
