/// URL parameters of the Apizee Embed agent app (vendors.md §3.8).
public enum ApizeeEmbedParameters {
    public static let required = ["iK", "cN"]
    public static let optional = ["gP", "iI", "l", "eR"]
    public static var keys: [String] { required + optional }
    public static let languages = ["en", "fr"]
}
