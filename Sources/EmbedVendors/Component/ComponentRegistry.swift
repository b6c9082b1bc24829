import EmbedConfig
import EmbedCore

/// Every component, in one list: adding a component is its folder and one line here. The order
/// is the order of the layouts in the front-matter schema and of the vendors' keys in tenant.yaml.
public enum ComponentRegistry {
    public static let all: [any Component.Type] = [
        QuickInvitation.self,
        WebAgentFrame.self,
        ApizeeEmbedFrame.self,
        ConsoleFrame.self,
        LoaderAgentBootstrap.self,
        ChatAppEmbed.self,
        EngageWebChat.self,
        SessionTimeline.self,
        RoomLink.self,
    ]

    /// The `embed` kinds, sorted (for messages and help).
    public static let kinds: [String] = all.map { $0.kind }.sorted()

    public static func component(kind: String) -> (any Component.Type)? {
        all.first { $0.kind == kind }
    }

    /// The component whose layout is `layout`, if any.
    public static func component(layout: String) -> (any Component.Type)? {
        all.first { $0.layout?.name == layout }
    }

    /// Components with a `link` subcommand, in registry order.
    public static var linkable: [any Component.Type] { all.filter { $0.link != nil } }

    /// Renders one component from validated options; problems come back as diagnostics.
    public static func render(kind: String, options: ConfigObject, context: ComponentContext) -> Result<ComponentOutput, DiagnosticList> {
        guard let component = component(kind: kind) else {
            return .failure([.error(.embedUnknownKind, "unknown component '\(DisplayText.excerpt(kind))'", at: options.location)])
        }
        return component.render(options: options, context: context)
    }

    /// Builds one component for `embedsmith link`: what it prints, or nil for a kind without a link.
    public static func linkTarget(kind: String, options: ConfigObject, context: ComponentContext) -> Result<LinkTarget?, DiagnosticList> {
        guard let component = component(kind: kind) else { return .success(nil) }
        return component.renderLink(options: options, context: context)
    }
}
