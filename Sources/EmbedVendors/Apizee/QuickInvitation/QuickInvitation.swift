import EmbedConfig
import EmbedCore

/// Apizee quick-invitation link (vendors.md §1): opens the invitation form, pre-filled from the
/// query, in a new tab. Two URL generations exist; the tenant picks one.
public struct QuickInvitation: Sendable, Equatable {
    public enum Variant: String, Sendable, CaseIterable {
        case current, legacy
        static let names = allCases.map(\.rawValue)
    }

    public private(set) var variant: Variant
    public private(set) var label: String
    public private(set) var reference: String?
    public private(set) var serviceKey: String?
    public private(set) var phones: [String]
    public private(set) var emails: [String]
    public private(set) var readOnlyService: Bool?
    public private(set) var readOnlyRecipients: Bool?
    /// Legacy variant only.
    public private(set) var phone: String?
    public private(set) var name: String?
    /// What the invitation is about (issue 11: the legacy form takes it too).
    public private(set) var description: String?
    /// The link, validated once by `build` (the fields cannot change after it).
    private var validated: SafeURL? = nil

    public static let currentBase = "https://cloud.apizee.com/quick-invitation"
    public static let legacyBase = "https://cloud.apizee.com/tickets/quick-invitation"
    public static let maxReferenceLength = 50

    /// Query pairs in a fixed order so output is deterministic.
    public var queryPairs: [(String, String)] {
        var pairs: [(String, String)] = []
        switch variant {
        case .current:
            if let reference { pairs.append(("reference", reference)) }
            if let serviceKey { pairs.append(("service_key", serviceKey)) }
            if !phones.isEmpty { pairs.append(("phone_numbers", phones.joined(separator: ","))) }
            if !emails.isEmpty { pairs.append(("email_addresses", emails.joined(separator: ","))) }
            if let readOnlyService { pairs.append(("read_only.service", readOnlyService ? "true" : "false")) }
            if let readOnlyRecipients { pairs.append(("read_only.recipients", readOnlyRecipients ? "true" : "false")) }
        case .legacy:
            if let phone { pairs.append(("phone", phone)) }
            if let reference { pairs.append(("reference", reference)) }
            if let name { pairs.append(("name", name)) }
            if let description { pairs.append(("description", description)) }
        }
        return pairs
    }

    /// The link. List values are joined with literal commas, the separator the form expects;
    /// every value is percent-encoded (`+` → `%2B`).
    public func url() throws(URLRejection) -> SafeURL {
        if let validated { return validated }
        let base = variant == .current ? Self.currentBase : Self.legacyBase
        var query = ""
        for (key, value) in queryPairs {
            if !query.isEmpty { query += "&" }
            let encoded = key == "phone_numbers" || key == "email_addresses"
                ? value.split(separator: ",", omittingEmptySubsequences: false).map { QueryEncoding.encodeComponent(String($0)) }.joined(separator: ",")
                : QueryEncoding.encodeComponent(value)
            query += QueryEncoding.encodeComponent(key) + "=" + encoded
        }
        let policy = URLPolicy(allowedHosts: [ApizeeHosts.cloud])
        return try policy.validate(query.isEmpty ? base : base + "?" + query)
    }

    public var containsPersonalData: Bool { !phones.isEmpty || !emails.isEmpty || phone != nil || name != nil }

    public func output(context: ComponentContext) -> ComponentOutput {
        // url() cannot fail for values that passed build(); a failure would be a bug, shown as text.
        guard let url = try? url() else {
            return ComponentOutput(html: TrustedHTML(text: label))
        }
        return ComponentOutput(html: NewTabLink.html(url: url, label: label, className: "es-button es-quick-invitation", context: context),
                               containsPersonalData: containsPersonalData)
    }

    /// Merges the tenant's defaults (`apizee.quickInvitation`) with the block's options and
    /// checks the keys against the variant.
    public static func build(options: ConfigObject, context: ComponentContext) -> Result<QuickInvitation, DiagnosticList> {
        let defaults = context.settings(tenantSection)
        let variantName = options[Options.variant] ?? defaults.value(TenantDefaults.variant) ?? Variant.current.rawValue
        let variant = Variant(rawValue: variantName) ?? .current
        var diagnostics: [Diagnostic] = []
        for key in (variant == .current ? Options.legacyOnly : Options.currentOnly).map(\.field.name) where options.has(key) {
            let advice = variant == .current
                ? (key == Options.phone.name ? "use 'phones' (a list)" : "the current form has no '\(DisplayText.excerpt(key))' field")
                : "the legacy form only takes 'phone', 'reference', 'name' and 'description'"
            diagnostics.append(.error(.quickInvitationVariantKey, "'\(DisplayText.excerpt(key))' is not used by the \(variant.rawValue) quick-invitation variant; \(advice)",
                                      at: options.location(of: key)))
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        // Each readOnly flag falls back to the tenant default on its own.
        let readOnly = options[Options.readOnly], readOnlyDefaults = defaults?[TenantDefaults.readOnly]
        let label = options[Options.label] ?? defaults?[TenantDefaults.label]
            ?? context.text(default: Options.label, french: "Démarrer l’assistance vidéo")
        let current = variant == .current
        var link = QuickInvitation(
            variant: variant,
            label: label,
            reference: options[Options.reference],
            serviceKey: current ? (options[Options.serviceKey] ?? defaults?[TenantDefaults.serviceKey]) : nil,
            phones: options[Options.phones] ?? [],
            emails: options[Options.emails] ?? [],
            readOnlyService: current ? (readOnly?[ReadOnly.service] ?? readOnlyDefaults?[ReadOnly.service]) : nil,
            readOnlyRecipients: current ? (readOnly?[ReadOnly.recipients] ?? readOnlyDefaults?[ReadOnly.recipients]) : nil,
            phone: options[Options.phone],
            name: options[Options.name],
            description: options[Options.description])
        do {
            link.validated = try link.url()
        } catch {
            return .failure([.error(error.code, "quick-invitation URL refused: \(error.reason)", at: options.location)])
        }
        return .success(link)
    }
}
