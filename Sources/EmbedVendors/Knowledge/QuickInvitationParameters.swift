import EmbedCore

/// Query keys of the two generations of the Apizee quick-invitation URL (vendors.md §1).
public enum QuickInvitationParameters {
    public struct Variant: Sendable {
        public var name: QuickInvitation.Variant
        public var path: String
        public var keys: [String]
        /// A key of the other generation and the key that means the same thing here.
        public var counterparts: [String: String]
    }

    public static let current = Variant(
        name: .current, path: "/quick-invitation",
        keys: ["reference", "service_key", "phone_numbers", "email_addresses", "read_only.service", "read_only.recipients"],
        counterparts: ["phone": "phone_numbers", "name": "(none: the current form has no name field)"])
    public static let legacy = Variant(
        name: .legacy, path: "/tickets/quick-invitation",
        keys: ["phone", "reference", "name", "description"],
        counterparts: ["phone_numbers": "phone", "email_addresses": "(none: use the current /quick-invitation)",
                       "service_key": "(none: use the current /quick-invitation)",
                       "read_only.service": "(none)", "read_only.recipients": "(none)"])

    public static let host = ApizeeHosts.cloud
    public static let maxReferenceLength = QuickInvitation.maxReferenceLength
    /// Keys whose value is a comma-separated list.
    public static let listKeys: Set<String> = ["phone_numbers", "email_addresses"]
    public static let booleanKeys: Set<String> = ["read_only.service", "read_only.recipients"]
    /// Keys that carry a phone number, where a literal `+` would decode to a space.
    public static let phoneKeys: Set<String> = ["phone_numbers", "phone"]

    /// The variant a URL points to, if it is a quick-invitation URL at all.
    public static func variant(of url: WebURL) -> Variant? {
        guard url.scheme == "https", url.hostname == host else { return nil }
        let path = url.pathname.hasSuffix("/") ? String(url.pathname.dropLast()) : url.pathname
        if path == current.path { return current }
        if path == legacy.path { return legacy }
        return nil
    }

    /// `service_key`: 32 ASCII letters or digits.
    public static func isServiceKey(_ value: String) -> Bool {
        value.utf8.count == 32 && value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
