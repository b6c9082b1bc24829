import EmbedConfig
import EmbedCore

/// The ApiRTC web-agent frame: options, tenant defaults (`apizee.webAgent`), the `agent` layout
/// and `embedsmith link web-agent`. Doc: docs/components/web-agent.md.
extension WebAgentFrame: Component {
    public static let kind = "web-agent"

    public static let optionsSchema = ObjectSchema("web-agent", doc: "ApiRTC web-agent iframe; keys override the tenant's apizee.webAgent", [
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
    ] + AgentFrameUI.fields)

    static let tenantGuest = ObjectSchema("guest", [
        FieldSchema("name", .string(maxLength: 100), doc: "guest name pre-set in the invitation form (gN)"),
        FieldSchema("phone", .phone, doc: "guest phone pre-set in the invitation form (gP)"),
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "webAgent", doc: "web-agent iframe", schema: ObjectSchema("webAgent", doc: "ApiRTC web-agent iframe", [
        FieldSchema("url", .url, doc: "where the agent app is hosted; the bridge trusts exactly this URL's origin", default: "https://apirtc.github.io/web-agent/"),
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("agentName", .string(maxLength: 100), doc: "agent name (aN)"),
        FieldSchema("guest", .object(tenantGuest), doc: "guest defaults (gN, gP)"),
        FieldSchema("audio", .boolean, doc: "use audio (a)", default: "true"),
        FieldSchema("connect", .boolean, doc: "connect at start (c)", default: "true"),
        FieldSchema("join", .boolean, doc: "join the conversation at start (j)", default: "true"),
        FieldSchema("locale", CommonTypes.locale, doc: "force the app language (l)"),
        FieldSchema("logLevel", .enumeration(["debug", "info", "warn", "error"]), doc: "app log level (lL)", default: "warn"),
        FieldSchema("cloudUrl", .url, doc: "ApiRTC cloud URL (cU)"),
        FieldSchema("guestUrl", .url, doc: "web-guest app URL used in invitation links (gU)"),
        FieldSchema("invitationServiceUrl", .url, doc: "short-link invitation service (iU)"),
        FieldSchema("installationId", CommonTypes.identifier(maxLength: 64), doc: "localStorage key prefix (iI)"),
        FieldSchema("userId", CommonTypes.identifier(maxLength: 128), doc: "ApiRTC user id (uId)"),
        FieldSchema("callStatsMonitoringInterval", .integer(min: 100, max: 3_600_000), doc: "call statistics interval in ms (cSMI, undocumented by the vendor)"),
        FieldSchema("allow", .list(CommonTypes.permissionsFeature, maxItems: 20), doc: "iframe permissions, scoped to the app's origin",
                    default: "[autoplay, microphone, camera, display-capture, encrypted-media, clipboard-write]"),
        FieldSchema("protocol", .enumeration(["current", "2023-07"]), doc: "postMessage protocol: current (2023-07 is refused: the published app speaks the current protocol only)", default: "current"),
        FieldSchema("geolocation", .boolean, doc: "also delegate geolocation to the frame", default: "false"),
        FieldSchema("logRocketAppID", .refused(reason: "it starts third-party session recording (LogRocket) of the agent app; embedsmith never emits lRAppID"), doc: "refused"),
        FieldSchema("lRAppID", .refused(reason: "it starts third-party session recording (LogRocket) of the agent app; embedsmith never emits it"), doc: "refused"),
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("agent", frontMatter: .options(key: "agent", doc: "web-agent options of an 'agent' page"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: ["apizee.apiKey", "apizee.webAgent.url", "apizee.webAgent.cloudUrl", "apizee.webAgent.guestUrl",
                     "apizee.webAgent.invitationServiceUrl", "apizee.webAgent.installationId", "apizee.webAgent.userId",
                     "apizee.webAgent.logLevel", "apizee.webAgent.callStatsMonitoringInterval"],
        missingSettingHints: ["web-agent-api-key-missing": "pass --api-key"],
        examples: ["--api-key myDemoApiKey --conversation Support-Acme --guest-phone +33612345678 --audio false"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: url.string, html: output(context: context).html.markup)
    }
}
