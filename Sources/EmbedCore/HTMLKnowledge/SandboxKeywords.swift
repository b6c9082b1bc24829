/// The 13 `<iframe sandbox>` keywords of the WHATWG HTML standard (shared/data/iframe-sandbox).
public enum SandboxKeywords {
    public static let known: Set<String> = [
        "allow-downloads",
        "allow-forms",
        "allow-modals",
        "allow-orientation-lock",
        "allow-pointer-lock",
        "allow-popups",
        "allow-popups-to-escape-sandbox",
        "allow-presentation",
        "allow-same-origin",
        "allow-scripts",
        "allow-top-navigation",
        "allow-top-navigation-by-user-activation",
        "allow-top-navigation-to-custom-protocols",
    ]
}
