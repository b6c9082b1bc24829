/// The contract of a page's YAML front matter.
public enum PageSchema {
    /// Layouts this version can render.
    public static let layouts = ["page", "invite", "agent", "embed-agent", "console", "loader-agent", "dialog", "webchat", "timeline"]

    public static let frontMatter = ObjectSchema("front matter", doc: "YAML between --- lines at the top of a page", [
        FieldSchema("title", .string(maxLength: 200, minLength: 1), required: true, doc: "page title"),
        FieldSchema("layout", .enumeration(layouts), doc: "which layout renders the page", default: "page"),
        FieldSchema("description", .string(maxLength: 500), doc: "meta description"),
        FieldSchema("rawHTML", .boolean, doc: "allow raw HTML inside the Markdown", default: "false"),
        FieldSchema("noindex", .boolean, doc: "ask search engines not to index the page", default: "true for agent pages and when the page shows phone numbers or e-mails"),
        FieldSchema("invitation", .object(ComponentSchemas.quickInvitation), doc: "the main quick-invitation button of an 'invite' page"),
        FieldSchema("agent", .object(ComponentSchemas.webAgent), doc: "web-agent options of an 'agent' page"),
        FieldSchema("embedAgent", .object(ComponentSchemas.apizeeEmbed), doc: "options of an 'embed-agent' page"),
        FieldSchema("console", .object(ComponentSchemas.console), doc: "options of a 'console' page"),
        FieldSchema("loaderAgent", .object(ComponentSchemas.loaderAgent), doc: "options of a 'loader-agent' page"),
        FieldSchema("dialog", .object(ComponentSchemas.chatapp), doc: "ChatApp options of a 'dialog' page"),
        FieldSchema("timeline", .object(ComponentSchemas.sessionTimeline), doc: "options of a 'timeline' page"),
        FieldSchema("webchat", .boolean, doc: "load the tenant's Engage web chat on this page (always on 'webchat' pages)", default: "false"),
        FieldSchema("toc", .boolean, doc: "show a table of contents of the page's headings", default: "false"),
        FieldSchema("weight", .integer(min: -10_000, max: 10_000), doc: "order in the navigation (then by title)", default: "0"),
    ])
}
