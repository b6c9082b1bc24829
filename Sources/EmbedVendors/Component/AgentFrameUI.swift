import EmbedConfig

/// Options of the bridge's built-in UI around an agent frame, shared by the frame components'
/// schemas (`FrameSettings.UI` in the page's settings).
enum AgentFrameUI {
    static let fields = [
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible title of the frame"),
        FieldSchema("controls", .boolean, doc: "show host controls (conversation, join, leave, guest data)", default: "false"),
        FieldSchema("gallery", .boolean, doc: "show snapshots the agent takes", default: "true"),
        FieldSchema("toasts", .boolean, doc: "show notifications (link copied, SMS sent, errors)", default: "true"),
    ]
}
