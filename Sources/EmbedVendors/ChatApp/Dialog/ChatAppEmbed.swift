import EmbedConfig
import EmbedCore

/// ChatApp Dialog (vendors.md §8): `https://dialogs.pro/` with PHP bracket parameters, as a
/// link or as a sandboxed iframe whose features are granted to the frame's own origin only.
/// The access token is a 24-hour account credential: never written; with `tokenEndpoint` the
/// bridge fetches a live one and only then sets the frame's `src`.
/// Hosts, messenger types and sandbox profiles come from `ChatAppDialog` (shared with the checker).
public struct ChatAppEmbed: Sendable {
    public static let base = "https://dialogs.pro/"

    public var url: SafeURL
    public var display: String
    public var label: String
    public var title: String
    public var sandbox: [String]
    public var tokenEndpoint: String?
    public var hasPersonalData: Bool

    /// The query in the order the vendor documents it.
    public static func query(licenseId: Int?, messenger: String?, crmDomain: String?, employee: String?,
                             phones: [String], dialogIds: [String]) -> [(String, PHPQuery.Value)] {
        var api: [(String, PHPQuery.Value)] = []
        if let licenseId { api.append(("license_id", .text(String(licenseId)))) }
        if let messenger { api.append(("messenger_type", .text(messenger))) }
        if let crmDomain { api.append(("crm_domain", .text(crmDomain))) }
        if let employee { api.append(("employee_ext_code", .text(employee))) }
        var crm: [(String, PHPQuery.Value)] = []
        if !phones.isEmpty { crm.append(("phones", .array(phones.enumerated().map { (String($0.offset), .text($0.element)) }))) }
        if !dialogIds.isEmpty { crm.append(("dialogIds", .array(dialogIds.enumerated().map { (String($0.offset), .text($0.element)) }))) }
        var pairs: [(String, PHPQuery.Value)] = []
        if !api.isEmpty { pairs.append(("api", .array(api))) }
        if !crm.isEmpty { pairs.append(("crm", .array(crm))) }
        return pairs
    }

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<ChatAppEmbed, DiagnosticList> {
        let tenant = context.settings(tenantSection)
        var problems: [Diagnostic] = []
        let messenger = options[Options.messenger] ?? tenant?[TenantSettings.messenger]
        let allowed = tenant.value(TenantSettings.messengers) ?? ChatAppDialog.messengerTypes.sorted()
        if let messenger, !allowed.contains(messenger) {
            var message = "messenger type '\(DisplayText.excerpt(messenger))' is not in the allowed list (\(allowed.joined(separator: ", ")))"
            if let guess = Suggestion.closest(to: messenger, in: allowed) { message += " (did you mean '\(guess)'?)" }
            let location = options.has(Options.messenger) ? options.location(of: Options.messenger) : (tenant?.location(of: TenantSettings.messenger) ?? options.location)
            problems.append(.error(.chatappMessengerUnknown, message, at: location,
                                   hint: "add it to 'chatapp.messengers' in tenant.yaml if ChatApp supports it for your account"))
        }
        let tokenEndpoint = tenant?[TenantSettings.tokenEndpoint]
        let crmDomain = tenant?[TenantSettings.crmDomain], employee = tenant?[TenantSettings.employeeExtCode]
        let identityKey = crmDomain != nil ? TenantSettings.crmDomain : TenantSettings.employeeExtCode
        if (crmDomain != nil || employee != nil) && tokenEndpoint == nil {
            problems.append(.error(.chatappEmployeeWithoutToken,
                                   "'crmDomain'/'employeeExtCode' select an employee identity, which only makes sense with a live token: set 'chatapp.tokenEndpoint'",
                                   at: tenant?.location(of: identityKey) ?? options.location))
        }
        if crmDomain != nil, employee == nil || crmDomain == nil && employee != nil {
            problems.append(.error(.chatappEmployeeIncomplete, "'crmDomain' and 'employeeExtCode' go together",
                                   at: tenant?.location(of: identityKey) ?? options.location))
        }
        let display = options.value(Options.display) ?? Display.iframe.rawValue
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        let phones = (options[Options.phones] ?? []).map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }
        let query = PHPQuery.build(Self.query(licenseId: options[Options.licenseId] ?? tenant?[TenantSettings.licenseId], messenger: messenger,
                                              crmDomain: crmDomain, employee: employee, phones: phones,
                                              dialogIds: options[Options.dialogIds] ?? []))
        do {
            let url = try URLPolicy(allowedHosts: [ChatAppDialog.host]).validate(query.isEmpty ? base : base + "?" + query)
            return .success(ChatAppEmbed(
                url: url, display: display,
                label: options[Options.label] ?? context.text(default: Options.label, french: "Ouvrir la conversation"),
                title: options[Options.title] ?? context.text("ChatApp conversations", french: "Conversations ChatApp"),
                sandbox: ChatAppDialog.sandboxProfiles[tenant.value(TenantSettings.sandbox) ?? "vendor"] ?? [],
                tokenEndpoint: tokenEndpoint,
                hasPersonalData: !phones.isEmpty || options.has(Options.dialogIds)))
        } catch {
            return .failure([.error(error.code, "ChatApp URL refused: \(error.reason)", at: options.location)])
        }
    }

    /// `allow` scoped to exactly the frame's origin (`'src'` would do, but explicit is checkable).
    public var allow: String { ChatAppDialog.allow.map { "\($0) \(url.origin)" }.joined(separator: "; ") }

    public func output(context: ComponentContext) -> ComponentOutput {
        if display == Display.link.rawValue {
            return ComponentOutput(html: NewTabLink.html(url: url, label: label, className: "es-button es-chatapp-link", context: context),
                                   containsPersonalData: hasPersonalData)
        }
        let id = "es-frame-\(context.sequence)"
        var attributes: [(String, AttributeValue)] = [
            ("id", .token(id)), ("class", .token("es-frame es-chatapp-frame")), ("title", .text(title)),
        ]
        // With a token endpoint the frame starts empty: the bridge sets src once it has a live token.
        if tokenEndpoint == nil { attributes.append(("src", .url(url))) }
        attributes += [("sandbox", .token(sandbox.joined(separator: " "))), ("allow", .token(allow)), ("referrerpolicy", .token("no-referrer"))]
        var csp = CSPContribution(frameSources: [url.origin])
        for feature in ChatAppDialog.allow { csp.delegatedFeatures[feature] = [url.origin] }
        var bridge = BridgeContribution()
        if let tokenEndpoint {
            csp.connectSources.insert("'self'")
            bridge.chatapp = [ChatAppTokenSettings(frameId: id, origin: url.origin, src: url.string, tokenEndpoint: tokenEndpoint)]
        }
        return ComponentOutput(html: HTMLElement("iframe", attributes).html, csp: csp, containsPersonalData: hasPersonalData,
                               bridge: bridge, isAgentTool: true)
    }
}
