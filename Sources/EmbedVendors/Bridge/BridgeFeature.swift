/// The run-time features of the host bridge. A page's settings block holds one key per feature
/// it uses (docs/bridge-settings.md); the bridge switches each on by its key.
public enum BridgeFeature: String, Sendable, CaseIterable, Codable, Comparable {
    /// web-agent / Apizee Embed postMessage bridge and its built-in UI (`FrameSettings`).
    case frames
    /// Apizee loaderAgent bootstrap (`LoaderAgentSettings`).
    case loaderAgent
    /// ChatApp frames that get their src with a live token (`ChatAppTokenSettings`).
    case chatapp
    /// TeamViewer Engage hook, labels, visibility, co-browsing (`EngageSettings`).
    case engage
    /// Apizee session timeline (`TimelineSettings`).
    case timeline

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
