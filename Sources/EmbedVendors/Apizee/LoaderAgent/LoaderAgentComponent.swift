import EmbedConfig

/// The loaderAgent bootstrap: settings in `apizee.loaderAgent`, the `loader-agent` layout.
/// Doc: docs/components/loader-agent.md.
extension LoaderAgentBootstrap: Component {
    public static let kind = "loader-agent"

    public static let optionsSchema = ObjectSchema("loader-agent", doc: "Apizee loaderAgent bootstrap; settings come from apizee.loaderAgent", [
        FieldSchema("title", .string(maxLength: 120, minLength: 1), doc: "accessible label of the agent area"),
    ])

    static let loaderParams = ObjectSchema("params", [
        FieldSchema("directory", .boolean, doc: "show the user directory"),
        FieldSchema("directoryStartOpen", .boolean, doc: "directory open at start"),
        FieldSchema("template", CommonTypes.identifier(maxLength: 64), doc: "UI template, e.g. agent-modern"),
        FieldSchema("useDefaultTheme", .boolean, doc: "use the default theme"),
        FieldSchema("culture", CommonTypes.locale, doc: "UI language"),
    ])

    public static let tenantSection: TenantSection? = TenantSection(vendor: Apizee.section, key: "loaderAgent", doc: "loaderAgent bootstrap", schema: ObjectSchema("loaderAgent", [
        FieldSchema("server", .url, doc: "serverDomainRoot, with trailing slash", default: "https://cloud.apizee.com/"),
        FieldSchema("script", .url, doc: "loaderAgent.js URL", default: "https://cdn.apirtc.com/agent/loaderAgent.js"),
        FieldSchema("agentInfoEndpoint", .path, doc: "same-origin endpoint returning userId, apiKey, nickname, token at run time"),
        FieldSchema("useFrame", .boolean, doc: "allow the use of an iframe during the call", default: "true"),
        FieldSchema("params", .object(loaderParams), doc: "agentParams passed to loadAgent"),
    ]))

    public static let layout: ComponentLayout? = ComponentLayout("loader-agent", frontMatter: .options(key: "loaderAgent", doc: "options of a 'loader-agent' page"))
}
