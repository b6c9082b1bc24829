/// The host bridge script embedsmith writes next to each tenant's pages, and how a checker
/// recognises it in any page.
public enum HostBridge {
    /// File name stem: `assets/embedsmith/embedsmith-bridge.<hash>.js`.
    public static let assetStem = "embedsmith-bridge"
    /// `id` of the `<script type="application/json">` block the bridge reads its settings from.
    public static let settingsElementId = "embedsmith-config"

    /// True if a script URL's last path segment is the bridge asset (`embedsmith-bridge.js`,
    /// `embedsmith-bridge.1a2b3c4d5e.js`).
    public static func isBridgeScript(path: String) -> Bool {
        guard let last = path.split(separator: "/").last else { return false }
        return last.hasPrefix(assetStem + ".") && last.hasSuffix(".js")
    }
}
