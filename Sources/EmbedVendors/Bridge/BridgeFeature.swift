/// The run-time features of the host bridge. A page's settings block holds one key per feature
/// it uses (the raw value; docs/bridge-settings.md), and the page loads that feature's module
/// (`module`: `templates/assets/bridge/<NN>-<module>.js`) beside the core.
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

    /// The feature's module in `templates/assets/bridge/` (file name without `<NN>-` and `.js`).
    public var module: String {
        switch self {
        case .frames: return "frames-ui"
        case .loaderAgent: return "loader-agent"
        case .chatapp, .engage, .timeline: return rawValue
        }
    }

    public init?(module: String) {
        guard let feature = Self.allCases.first(where: { $0.module == module }) else { return nil }
        self = feature
    }
}
