import EmbedConfig
import EmbedCore

/// The ApiRTC web-agent frame: its keys (block, and tenant defaults `apizee.webAgent`), the
/// `agent` layout and `embedsmith link web-agent`. Doc: docs/components/web-agent.md.
extension WebAgentFrame: Component {
    public static let kind = "web-agent"

    /// Keys a block and the tenant's defaults share (a block's value wins).
    public enum Shared {
        public static let conversation = ConfigKey<String>("conversation", .string(maxLength: 100), doc: "conversation name (cN)")
        public static let agentName = ConfigKey<String>("agentName", .string(maxLength: 100), doc: "agent name (aN)")
    }

    /// Keys of an `embed web-agent` block (and of an `agent` page's `agent`).
    public enum Options {
        public static let guest = ConfigKey<ConfigObject>("guest", .object(ObjectSchema("guest", keys: [Guest.name, Guest.phone])),
                                                          doc: "guest pre-set in the invitation form")
        public static let audio = ConfigKey<Bool>("audio", .boolean, doc: "use audio (a)")
        public static let connect = ConfigKey<Bool>("connect", .boolean, doc: "connect at start (c)")
        public static let join = ConfigKey<Bool>("join", .boolean, doc: "join at start (j)")
        public static let locale = ConfigKey<String>("locale", CommonTypes.locale, doc: "app language (l)")
    }

    public enum Guest {
        public static let name = ConfigKey<String>("name", .string(maxLength: 100), doc: "guest name (gN)")
        public static let phone = ConfigKey<String>("phone", .phone, doc: "guest phone (gP)")
    }

    /// Keys of `apizee.webAgent` in tenant.yaml. Defaults marked "the app's" are the vendor
    /// app's own: nothing is written into the URL for them.
    public enum TenantDefaults {
        public static let url = ConfigKey<String>("url", .url, doc: "where the agent app is hosted; the bridge trusts exactly this URL's origin",
                                                  default: ApizeeHosts.webAgentDefault)
        public static let guest = ConfigKey<ConfigObject>("guest", .object(ObjectSchema("guest", [
            FieldSchema("name", .string(maxLength: 100), doc: "guest name pre-set in the invitation form (gN)"),
            FieldSchema("phone", .phone, doc: "guest phone pre-set in the invitation form (gP)"),
        ])), doc: "guest defaults (gN, gP)")
        public static let audio = ConfigKey<Bool>("audio", .boolean, doc: "use audio (a)", defaultDoc: "true")
        public static let connect = ConfigKey<Bool>("connect", .boolean, doc: "connect at start (c)", defaultDoc: "true")
        public static let join = ConfigKey<Bool>("join", .boolean, doc: "join the conversation at start (j)", defaultDoc: "true")
        public static let locale = ConfigKey<String>("locale", CommonTypes.locale, doc: "force the app language (l)")
        public static let logLevel = ConfigKey<String>("logLevel", .enumeration(["debug", "info", "warn", "error"]), doc: "app log level (lL)", defaultDoc: "warn")
        public static let cloudUrl = ConfigKey<String>("cloudUrl", .url, doc: "ApiRTC cloud URL (cU)")
        public static let guestUrl = ConfigKey<String>("guestUrl", .url, doc: "web-guest app URL used in invitation links (gU)")
        public static let invitationServiceUrl = ConfigKey<String>("invitationServiceUrl", .url, doc: "short-link invitation service (iU)")
        public static let installationId = ConfigKey<String>("installationId", CommonTypes.identifier(maxLength: 64), doc: "localStorage key prefix (iI)")
        public static let userId = ConfigKey<String>("userId", CommonTypes.identifier(maxLength: 128), doc: "ApiRTC user id (uId)")
        public static let callStatsMonitoringInterval = ConfigKey<Int>("callStatsMonitoringInterval", .integer(min: 100, max: 3_600_000),
                                                                      doc: "call statistics interval in ms (cSMI, undocumented by the vendor)")
        public static let allow = ConfigKey<[String]>("allow", .list(CommonTypes.permissionsFeature, maxItems: 20), doc: "iframe permissions, scoped to the app's origin",
                                                      default: ApizeeHosts.defaultAllow)
        public static let `protocol` = ConfigKey<String>("protocol", .enumeration(["current", "2023-07"]),
                                                        doc: "postMessage protocol: current (2023-07 is refused: the published app speaks the current protocol only)",
                                                        default: "current")
        public static let geolocation = ConfigKey<Bool>("geolocation", .boolean, doc: "also delegate geolocation to the frame", default: false)
        static let refused: [any AnyConfigKey] = [
            ConfigKey<String>("logRocketAppID", .refused(reason: "it starts third-party session recording (LogRocket) of the agent app; embedsmith never emits lRAppID"), doc: "refused"),
            ConfigKey<String>("lRAppID", .refused(reason: "it starts third-party session recording (LogRocket) of the agent app; embedsmith never emits it"), doc: "refused"),
        ]
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "ApiRTC web-agent iframe; keys override the tenant's apizee.webAgent", keys: [
        Shared.conversation, Shared.agentName, Options.guest, Options.audio, Options.connect, Options.join, Options.locale,
    ] + AgentFrameUI.keys)

    public static let tenantSection: TenantSection? = TenantSection(
        vendor: Apizee.section, key: "webAgent", doc: "web-agent iframe",
        schema: ObjectSchema("webAgent", doc: "ApiRTC web-agent iframe", keys: [
            TenantDefaults.url, Shared.conversation, Shared.agentName, TenantDefaults.guest, TenantDefaults.audio, TenantDefaults.connect,
            TenantDefaults.join, TenantDefaults.locale, TenantDefaults.logLevel, TenantDefaults.cloudUrl, TenantDefaults.guestUrl,
            TenantDefaults.invitationServiceUrl, TenantDefaults.installationId, TenantDefaults.userId, TenantDefaults.callStatsMonitoringInterval,
            TenantDefaults.allow, TenantDefaults.protocol, TenantDefaults.geolocation,
        ] + TenantDefaults.refused))

    public static let layout: ComponentLayout? = ComponentLayout("agent", frontMatter: .options(key: "agent", doc: "web-agent options of an 'agent' page"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: LinkSpec.vendor(Apizee.section, [Apizee.apiKey]) + LinkSpec.tenant(tenantSection, [
            TenantDefaults.url, TenantDefaults.cloudUrl, TenantDefaults.guestUrl, TenantDefaults.invitationServiceUrl,
            TenantDefaults.installationId, TenantDefaults.userId, TenantDefaults.logLevel, TenantDefaults.callStatsMonitoringInterval,
        ]),
        missingSettingHints: ["web-agent-api-key-missing": "pass --api-key"],
        examples: ["--api-key myDemoApiKey --conversation Support-Acme --guest-phone +33612345678 --audio false"])

    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: url.string, html: output(context: context).html.markup)
    }
}
