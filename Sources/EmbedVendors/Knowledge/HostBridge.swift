import Foundation

/// The host bridge script embedsmith writes next to each tenant's pages, and how a checker
/// recognises it in any page.
public enum HostBridge {
    /// File name stem: `assets/embedsmith/embedsmith-bridge.<hash>.js`.
    public static let assetStem = "embedsmith-bridge"
    /// `id` of the `<script type="application/json">` block the bridge reads its settings from.
    public static let settingsElementId = "embedsmith-config"

    /// Frames whose `src` the bridge sets at run time (a ChatApp frame waiting for its live
    /// token), read from the settings block's text: frame id -> the URL it will load. Empty when
    /// the text is not the bridge's settings.
    public static func runTimeFrameSources(settingsJSON: String) -> [String: String] {
        guard let settings = BridgeSettings.read(json: settingsJSON) else { return [:] }
        var sources: [String: String] = [:]
        for entry in settings.parts.chatapp { sources[entry.frameId] = entry.src }
        return sources
    }

    /// True if a script URL's last path segment is the bridge asset (`embedsmith-bridge.js`,
    /// `embedsmith-bridge.1a2b3c4d5e.js`).
    public static func isBridgeScript(path: String) -> Bool {
        guard let last = path.split(separator: "/").last else { return false }
        return last.hasPrefix(assetStem + ".") && last.hasSuffix(".js")
    }
}
