/// `chatapp[]`: a ChatApp frame rendered without `src`; the bridge fetches a live token from
/// `tokenEndpoint` and only then sets the frame's src (the token is never in the page).
public struct ChatAppTokenSettings: Codable, Sendable, Equatable {
    /// `id` of the `<iframe>`.
    public var frameId: String
    public var origin: String
    /// The URL the frame will load, without the token.
    public var src: String
    /// Same-origin endpoint returning the live token.
    public var tokenEndpoint: String
}
