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
        FieldSchema("description", .string(maxLength: 500), doc: "what the invitation is about (legacy variant)"),
    ])

    public static let roomLink = ObjectSchema("room-link", doc: "link that opens an Apizee room URL (from the REST API) in a new tab", [
        FieldSchema("url", .url, required: true, doc: "room URL on cloud.apizee.com, app.apizee.com or the tenant's console host"),
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "link text", default: "Join the video session"),
    ])

    static let ui = [
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame"),
        FieldSchema("controls", .boolean, doc: "show host controls (conversation, join, leave, guest data)", default: "false"),
        FieldSchema("gallery", .boolean, doc: "show snapshots the agent takes", default: "true"),
        FieldSchema("toasts", .boolean, doc: "show notifications (link copied, SMS sent, errors)", default: "true"),
    ]

    public static let webAgent = ObjectSchema("web-agent", doc: "ApiRTC web-agent iframe; keys override the tenant's apizee.webAgent", [
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("agentName", .string(maxLength: 100), doc: "agent name (aN)"),
        FieldSchema("guest", .object(ObjectSchema("guest", [
            FieldSchema("name", .string(maxLength: 100), doc: "guest name (gN)"),
            FieldSchema("phone", .phone, doc: "guest phone (gP)"),
        ])), doc: "guest pre-set in the invitation form"),
        FieldSchema("audio", .boolean, doc: "use audio (a)"),
        FieldSchema("connect", .boolean, doc: "connect at start (c)"),
        FieldSchema("join", .boolean, doc: "join at start (j)"),
        FieldSchema("locale", CommonTypes.locale, doc: "app language (l)"),
    ] + ui)

    public static let apizeeEmbed = ObjectSchema("apizee-embed", doc: "Apizee Embed agent iframe; keys override the tenant's apizee.embed", [
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("guestPhone", .phone, doc: "phone pre-set in the invitation form (gP)"),
        FieldSchema("locale", CommonTypes.locale, doc: "app language (l)"),
        FieldSchema("externalReferences", .list(.object(ObjectSchema("externalReference", [
            FieldSchema("name", .string(maxLength: 100, minLength: 1), required: true, doc: "reference name"),
            FieldSchema("reference", .string(maxLength: 200, minLength: 1), required: true, doc: "reference value"),
        ])), maxItems: 20), doc: "external references (eR)"),
    ] + ui)

    public static let console = ObjectSchema("console", doc: "Apizee console iframe on the tenant's CNAME", [
        FieldSchema("path", .path, doc: "path on the console host", default: "/"),
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame"),
    ])

    public static let loaderAgent = ObjectSchema("loader-agent", doc: "Apizee loaderAgent bootstrap; settings come from apizee.loaderAgent", [
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible label of the agent area"),
    ])

    public static let chatapp = ObjectSchema("chatapp", doc: "ChatApp Dialog (dialogs.pro) as a link or a sandboxed iframe; keys override the tenant's chatapp", [
        FieldSchema("display", .enumeration(["iframe", "link"]), doc: "an embedded dialog or a link opening it in a new tab", default: "iframe"),
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "link text", default: "Open the conversation"),
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame"),
        FieldSchema("licenseId", .integer(min: 1, max: 999_999_999), doc: "channel number (api[license_id])"),
        FieldSchema("messenger", CommonTypes.identifier(maxLength: 40), doc: "messenger type (api[messenger_type])"),
        FieldSchema("phones", .list(CommonTypes.phoneDigits, maxItems: 20), doc: "customer phone numbers (crm[phones][N]), digits"),
        FieldSchema("dialogIds", .list(CommonTypes.chatID, maxItems: 20), doc: "chat ids (crm[dialogIds][N])"),
    ])

    public static let engageScript = ObjectSchema("engage-script", doc: "TeamViewer Engage web chat on this page; settings come from the tenant's engage", [
        FieldSchema("cobrowse", .boolean, doc: "show co-browsing start/stop buttons here"),
    ])

    public static let sessionTimeline = ObjectSchema("session-timeline", doc: "Apizee session timeline of the ticket named by ?ticketId= in the page URL", [
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible label of the panel"),
    ])

    /// Schema of each `embed KIND` block, by kind.
    public static let byKind: [String: ObjectSchema] = [
        "quick-invitation": quickInvitation,
        "room-link": roomLink,
        "web-agent": webAgent,
        "apizee-embed": apizeeEmbed,
        "console": console,
        "loader-agent": loaderAgent,
        "chatapp": chatapp,
        "engage-script": engageScript,
        "session-timeline": sessionTimeline,
    ]
}
