import EmbedConfig
import EmbedCore

/// Every component a page can place with an `embed KIND` block.
public enum ComponentRegistry {
    public static let kinds: [String] = ComponentSchemas.byKind.keys.sorted()

    /// Renders one component from validated options; problems come back as diagnostics.
    public static func render(kind: String, options: ConfigObject, context: ComponentContext) -> Result<ComponentOutput, DiagnosticList> {
        switch kind {
        case "quick-invitation":
            return QuickInvitation.build(options: options, context: context).map { $0.output(context: context) }
        case "room-link":
            return RoomLink.build(options: options, context: context).map { $0.output(context: context) }
        case "web-agent":
            return WebAgentFrame.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        case "apizee-embed":
            return ApizeeEmbedFrame.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        case "console":
            return ConsoleFrame.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        case "loader-agent":
            return LoaderAgentBootstrap.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        case "chatapp":
            return ChatAppEmbed.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        case "engage-script":
            return EngageWebChat.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        case "session-timeline":
            return SessionTimeline.build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
        default:
            return .failure([.error(.embedUnknownKind, "unknown component '\(DisplayText.excerpt(kind))'", at: options.location)])
        }
    }
}
