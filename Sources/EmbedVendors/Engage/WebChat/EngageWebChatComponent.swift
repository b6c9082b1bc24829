import EmbedConfig
import EmbedCore

/// The TeamViewer Engage web chat: the tenant's `engage` section, the `webchat` layout (and the
/// `webchat: true` key on any page), `embedsmith link engage-script`. Doc: docs/components/engage-script.md.
extension EngageWebChat: Component {
    public static let kind = "engage-script"

    public enum Options {
        public static let cobrowse = ConfigKey<Bool>("cobrowse", .boolean, doc: "show co-browsing start/stop buttons here")
    }

    /// The tenant's `engage` section.
    public enum TenantSettings {
        public static let scriptId = ConfigKey<String>("scriptId", CommonTypes.identifier(maxLength: 64), doc: "tenant script id (cdn.chatvisor.com/cdn/js/<scriptId>.js)")
        public static let cobrowse = ConfigKey<Bool>("cobrowse", .boolean, doc: "show co-browsing start/stop buttons", default: false)
        public static let checkVisibility = ConfigKey<Bool>("checkVisibility", .boolean, doc: "ask CV.api.shouldShowWebchat before showing the chat", default: false)
        public static let labels = ConfigKey<[String]>("labels", .list(.string(maxLength: 60, minLength: 1), maxItems: 20), doc: "static visitor labels (CV.user.tag)")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "TeamViewer Engage web chat on this page; settings come from the tenant's engage", keys: [Options.cobrowse])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Engage.section, key: nil, schema: ObjectSchema("engage", keys: [
        TenantSettings.scriptId, TenantSettings.cobrowse, TenantSettings.checkVisibility, TenantSettings.labels,
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("webchat", frontMatter: .flag(
        key: "webchat", doc: "load the tenant's Engage web chat on this page (always on 'webchat' pages)", default: "false"))

    public static let link: LinkSpec? = LinkSpec(
        tenantKeys: LinkSpec.tenant(tenantSection, [TenantSettings.scriptId]),
        missingSettingHints: ["engage-script-id-missing": "pass --script-id"],
        examples: ["--script-id 5c593c728b02502bc3f8ffe1 --html"])

    /// The script element to paste: the chat itself is drawn by the vendor script.
    public func linkTarget(context: ComponentContext) -> LinkTarget? {
        LinkTarget(url: script.string, html: HTMLElement("script", [("src", .url(script)), ("defer", .present)]).html.markup)
    }
}
