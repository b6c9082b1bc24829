/// The contract of `content/<tenant>/tenant.yaml` (PRODUCT.md, "tenant.yaml").
public enum TenantSchema {
    static let guest = ObjectSchema("guest", [
        FieldSchema("name", .string(maxLength: 100), doc: "guest name pre-set in the invitation form (gN)"),
        FieldSchema("phone", .phone, doc: "guest phone pre-set in the invitation form (gP)"),
    ])

    static let webAgent = ObjectSchema("webAgent", doc: "ApiRTC web-agent iframe", [
        FieldSchema("url", .url, doc: "where the agent app is hosted; the bridge trusts exactly this URL's origin", default: "https://apirtc.github.io/web-agent/"),
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("agentName", .string(maxLength: 100), doc: "agent name (aN)"),
        FieldSchema("guest", .object(guest), doc: "guest defaults (gN, gP)"),
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
    ])

    static let externalReference = ObjectSchema("externalReference", [
        FieldSchema("name", .string(maxLength: 100, minLength: 1), required: true, doc: "reference name, e.g. ticketId"),
        FieldSchema("reference", .string(maxLength: 200, minLength: 1), required: true, doc: "reference value"),
    ])

    static let embed = ObjectSchema("embed", doc: "Apizee Embed agent app (app.apizee.com/agent/)", [
        FieldSchema("url", .url, doc: "the Embed app (only app.apizee.com; loopback under --dev)", default: "https://app.apizee.com/agent/"),
        FieldSchema("identificationKey", CommonTypes.identifier(maxLength: 128), doc: "company identification key (iK)"),
        FieldSchema("conversation", .string(maxLength: 100), doc: "conversation name (cN)"),
        FieldSchema("guestPhone", .phone, doc: "phone pre-set in the invitation form (gP)"),
        FieldSchema("installationId", CommonTypes.identifier(maxLength: 64), doc: "localStorage key prefix (iI)"),
        FieldSchema("locale", CommonTypes.locale, doc: "app language (l)"),
        FieldSchema("externalReferences", .list(.object(externalReference), maxItems: 20), doc: "external references (eR, JSON)"),
    ])

    static let quickInvitation = ObjectSchema("quickInvitation", doc: "defaults of every quick-invitation button", [
        FieldSchema("variant", .enumeration(["current", "legacy"]), doc: "current (/quick-invitation) or legacy (/tickets/quick-invitation)", default: "current"),
        FieldSchema("serviceKey", CommonTypes.serviceKey, doc: "32-character service key to preselect"),
        FieldSchema("readOnly", .object(ObjectSchema("readOnly", [
            FieldSchema("service", .boolean, doc: "lock the service dropdown"),
            FieldSchema("recipients", .boolean, doc: "lock the recipients field"),
        ])), doc: "locked fields (current variant)"),
        FieldSchema("label", .string(maxLength: 120, minLength: 1), doc: "default button text"),
    ])

    static let console = ObjectSchema("console", [
        FieldSchema("host", .hostName, doc: "a CNAME of cloud.apizee.com authorised by Apizee (never cloud.apizee.com itself)"),
    ])

    static let loaderParams = ObjectSchema("params", [
        FieldSchema("directory", .boolean, doc: "show the user directory"),
        FieldSchema("directoryStartOpen", .boolean, doc: "directory open at start"),
        FieldSchema("template", CommonTypes.identifier(maxLength: 64), doc: "UI template, e.g. agent-modern"),
        FieldSchema("useDefaultTheme", .boolean, doc: "use the default theme"),
        FieldSchema("culture", CommonTypes.locale, doc: "UI language"),
    ])

    static let loaderAgent = ObjectSchema("loaderAgent", [
        FieldSchema("server", .url, doc: "serverDomainRoot, with trailing slash", default: "https://cloud.apizee.com/"),
        FieldSchema("script", .url, doc: "loaderAgent.js URL", default: "https://cdn.apirtc.com/agent/loaderAgent.js"),
        FieldSchema("agentInfoEndpoint", .path, doc: "same-origin endpoint returning userId, apiKey, nickname, token at run time"),
        FieldSchema("useFrame", .boolean, doc: "allow the use of an iframe during the call", default: "true"),
        FieldSchema("params", .object(loaderParams), doc: "agentParams passed to loadAgent"),
    ])

    static let sessionEvents = ObjectSchema("sessionEvents", [
        FieldSchema("endpoint", .path, doc: "your proxy of GET /api/v3/tickets/{id}/events; {ticketId} is replaced at run time"),
    ])

    static let apizee = ObjectSchema("apizee", [
        FieldSchema("apiKey", CommonTypes.identifier(maxLength: 128), doc: "public apiRTC key (aK, apiCCkey)"),
        FieldSchema("webAgent", .object(webAgent), doc: "web-agent iframe"),
        FieldSchema("embed", .object(embed), doc: "Apizee Embed agent app"),
        FieldSchema("quickInvitation", .object(quickInvitation), doc: "quick-invitation defaults"),
        FieldSchema("console", .object(console), doc: "console iframe"),
        FieldSchema("loaderAgent", .object(loaderAgent), doc: "loaderAgent bootstrap"),
        FieldSchema("sessionEvents", .object(sessionEvents), doc: "session timeline"),
    ])

    static let chatapp = ObjectSchema("chatapp", [
        FieldSchema("licenseId", .integer(min: 1, max: 999_999_999), doc: "channel number (api[license_id])"),
        FieldSchema("messenger", CommonTypes.identifier(maxLength: 40), doc: "messenger type (api[messenger_type]), e.g. grWhatsApp"),
        FieldSchema("messengers", .list(CommonTypes.identifier(maxLength: 40), maxItems: 30), doc: "allowed messenger types", default: "[grWhatsApp, telegram]"),
        FieldSchema("crmDomain", .hostName, doc: "external system domain (api[crm_domain])"),
        FieldSchema("employeeExtCode", CommonTypes.identifier(maxLength: 64), doc: "employee id in the external system"),
        FieldSchema("sandbox", .enumeration(["vendor", "hardened"]), doc: "iframe sandbox profile", default: "vendor"),
        FieldSchema("tokenEndpoint", .path, doc: "same-origin endpoint that returns a live access token at run time"),
    ])

    static let engage = ObjectSchema("engage", [
        FieldSchema("scriptId", CommonTypes.identifier(maxLength: 64), doc: "tenant script id (cdn.chatvisor.com/cdn/js/<scriptId>.js)"),
        FieldSchema("cobrowse", .boolean, doc: "show co-browsing start/stop buttons", default: "false"),
        FieldSchema("checkVisibility", .boolean, doc: "ask CV.api.shouldShowWebchat before showing the chat", default: "false"),
        FieldSchema("labels", .list(.string(maxLength: 60, minLength: 1), maxItems: 20), doc: "static visitor labels (CV.user.tag)"),
    ])

    static let theme = ObjectSchema("theme", [
        FieldSchema("primaryColor", .color, doc: "accent color", default: "#0b5fff"),
        FieldSchema("logo", CommonTypes.assetPath, doc: "logo under the tenant's assets/ folder"),
    ])

    static let security = ObjectSchema("security", [
        FieldSchema("frameAncestors", .list(CommonTypes.frameAncestor, maxItems: 20), doc: "who may frame these pages (CSP frame-ancestors in _headers)", default: "['none']"),
        FieldSchema("reportTo", .url, doc: "Reporting API endpoint that receives the pages' CSP violation reports (Reporting-Endpoints and report-to in _headers)"),
        FieldSchema("reportOnly", .object(reportOnly), doc: "a report-only trial of a stricter policy (Content-Security-Policy-Report-Only in _headers; needs reportTo)"),
    ])

    static let reportOnly = ObjectSchema("reportOnly", [
        FieldSchema("without", .list(CommonTypes.httpsOrigin, maxItems: 20), doc: "origins the trial policy leaves out: loads from them are reported, not blocked"),
        FieldSchema("trustedTypes", .boolean, doc: "add require-trusted-types-for 'script' to the trial", default: "false"),
    ])

    public static let tenant = ObjectSchema("tenant", doc: "content/<tenant>/tenant.yaml", [
        FieldSchema("name", .string(maxLength: 120, minLength: 1), required: true, doc: "display name of the tenant"),
        FieldSchema("locale", CommonTypes.locale, doc: "language of the pages", default: "en"),
        FieldSchema("baseURL", .url, required: true, doc: "where this tenant's pages are published (https, ends with /)"),
        FieldSchema("theme", .object(theme), doc: "colors and logo"),
        FieldSchema("apizee", .object(apizee), doc: "Apizee settings"),
        FieldSchema("chatapp", .object(chatapp), doc: "ChatApp Dialog settings"),
        FieldSchema("engage", .object(engage), doc: "TeamViewer Engage settings"),
        FieldSchema("security", .object(security), doc: "HTTP security headers"),
    ])
}
