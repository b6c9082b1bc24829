/// URL parameters of the ApiRTC web-agent app (vendors.md §3.2, `src/Wrapper.tsx` at 422b54c).
public enum WebAgentParameters {
    public enum Kind: Sendable, Equatable {
        /// Must be present and non-empty.
        case required
        /// Parsed with a case-insensitive test for "true": write exactly `true` or `false`.
        case boolean
        case text
        case choice([String])
        /// An absolute https URL.
        case url
        case integer
        /// Accepted by the app, but a page must never send it (the reason says why).
        case forbidden(String)
    }

    public static let table: [(key: String, kind: Kind, meaning: String)] = [
        ("aK", .required, "apiKey"),
        ("cN", .text, "conversation name"),
        ("a", .boolean, "audio"),
        ("c", .boolean, "connect at start"),
        ("j", .boolean, "join at start"),
        ("cU", .url, "ApiRTC cloud URL"),
        ("aN", .text, "agent name"),
        ("gN", .text, "guest name"),
        ("gP", .text, "guest phone"),
        ("gU", .url, "web-guest app URL"),
        ("iI", .text, "installation id"),
        ("iU", .url, "invitation service URL"),
        ("l", .choice(["en", "fr"]), "language"),
        ("lL", .choice(["debug", "info", "warn", "error"]), "log level"),
        ("uId", .text, "user id"),
        ("cSMI", .integer, "call stats monitoring interval"),
        ("lRAppID", .forbidden("it starts LogRocket session recording of the agent's screen by a third party"), "LogRocket app id"),
    ]

    public static func kind(of key: String) -> Kind? { table.first { $0.key == key }?.kind }
    public static var keys: [String] { table.map(\.key) }

    /// Names older versions of the app read, and what replaced them (vendors.md §3.2 history).
    public static let renamed: [String: String] = [
        "iN": "gN", "aU": "gU", "aA": "a",
    ]
}
