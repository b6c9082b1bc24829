import EmbedConfig

/// Options of the bridge's built-in UI around an agent frame, shared by the frame components
/// (`FrameSettings.UI` in the page's settings).
public enum AgentFrameUI {
    public static let title = ConfigKey<String>("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame")
    public static let controls = ConfigKey<Bool>("controls", .boolean, doc: "show host controls (conversation, join, leave, guest data)", default: false)
    public static let gallery = ConfigKey<Bool>("gallery", .boolean, doc: "show snapshots the agent takes", default: true)
    public static let toasts = ConfigKey<Bool>("toasts", .boolean, doc: "show notifications (link copied, SMS sent, errors)", default: true)
    static let keys: [any AnyConfigKey] = [title, controls, gallery, toasts]

    /// The UI flags a block asks for (defaults included).
    static func ui(_ options: ConfigObject) -> FrameSettings.UI {
        FrameSettings.UI(controls: options.value(controls) ?? false, gallery: options.value(gallery) ?? true,
                         toasts: options.value(toasts) ?? true, resize: true)
    }
}

/// A key of a block and its counterpart in the tenant's defaults: the block's value wins.
struct Merged {
    var options: ConfigObject
    var defaults: ConfigObject?

    func callAsFunction<V>(_ block: ConfigKey<V>?, _ tenant: ConfigKey<V>?) -> V? {
        (block.flatMap { options[$0] }) ?? (tenant.flatMap { defaults?[$0] })
    }
}
