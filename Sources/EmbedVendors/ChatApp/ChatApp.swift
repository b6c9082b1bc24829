/// ChatApp's section of tenant.yaml (its one component's settings, `ChatAppEmbed`).
public enum ChatApp {
    public static let section = VendorSection("chatapp", doc: "ChatApp Dialog settings")
}
