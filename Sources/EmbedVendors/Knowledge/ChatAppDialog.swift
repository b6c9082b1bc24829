/// ChatApp Dialog (`dialogs.pro`, vendors.md §8): hosts, PHP-style bracket parameters,
/// messenger types and the sandbox profiles a page can use.
public enum ChatAppDialog {
    public static let host = "dialogs.pro"
    /// The current host, the host ChatApp's public code also uses (`new.dialogs.pro`, with a
    /// path-style URL the vendor does not document) and the older "ChatApp WEB" host: the
    /// checker reads URLs of all three. The generator writes `dialogs.pro` only, the one host
    /// and URL shape the vendor documents (vendors.md §8.1).
    public static let hosts: Set<String> = [host, "new.dialogs.pro", "chat.chatapp.online"]

    /// `api[<name>]` keys the vendor documents. `access_token` is a 24-hour credential for the
    /// whole account: it is documented, but never allowed in a page (a secret).
    public static let apiKeys: Set<String> = ["access_token", "license_id", "messenger_type", "crm_domain", "employee_ext_code"]
    /// `crm[<name>][<index>]` list keys.
    public static let crmListKeys: Set<String> = ["phones", "dialogIds"]

    /// Messenger types the vendor confirms; projects add others (`telegramBot`, `avito`…) in config.
    public static let messengerTypes: Set<String> = ["grWhatsApp", "telegram"]

    /// The `sandbox` tokens of each profile a page may use.
    /// `vendor` is what ChatApp documents minus `allow-top-navigation-by-user-activation`,
    /// which the HTML standard forbids next to `allow-top-navigation` (it has no effect there);
    /// `hardened` also drops `allow-top-navigation` (the frame may navigate the page only on a click).
    public static let documentedSandbox = ["allow-forms", "allow-modals", "allow-orientation-lock", "allow-pointer-lock",
                                           "allow-popups", "allow-popups-to-escape-sandbox", "allow-presentation",
                                           "allow-same-origin", "allow-scripts", "allow-top-navigation",
                                           "allow-top-navigation-by-user-activation"]
    /// Sandbox profile names, the vendor's first (`chatapp.sandbox` in tenant.yaml).
    public static let sandboxProfileNames = ["vendor", "hardened"]
    public static let sandboxProfiles: [String: [String]] = [
        "vendor": documentedSandbox.filter { $0 != "allow-top-navigation-by-user-activation" },
        "hardened": documentedSandbox.filter { $0 != "allow-top-navigation" },
    ]

    /// Features the frame needs, delegated to the frame's own origin only.
    public static let allow = ["camera", "microphone", "clipboard-read", "clipboard-write"]

    /// Phone numbers: digits in international form without `+` (`79999999999`).
    public static func isPhone(_ value: String) -> Bool {
        (8...15).contains(value.utf8.count) && value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
