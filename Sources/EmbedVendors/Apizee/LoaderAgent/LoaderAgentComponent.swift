import EmbedConfig

/// The loaderAgent bootstrap: settings in `apizee.loaderAgent`, the `loader-agent` layout.
/// Doc: docs/components/loader-agent.md.
extension LoaderAgentBootstrap: Component {
    public static let kind = "loader-agent"

    public enum Options {
        public static let title = ConfigKey<String>("title", .string(maxLength: 120, minLength: 1), doc: "accessible label of the agent area")
    }

    /// `apizee.loaderAgent` in tenant.yaml.
    public enum TenantSettings {
        public static let server = ConfigKey<String>("server", .url, doc: "serverDomainRoot, with trailing slash", default: ApizeeHosts.loaderServerDefault)
        public static let script = ConfigKey<String>("script", .url, doc: "loaderAgent.js URL", default: ApizeeHosts.loaderScriptDefault)
        public static let agentInfoEndpoint = ConfigKey<String>("agentInfoEndpoint", .path, doc: "same-origin endpoint returning userId, apiKey, nickname, token at run time")
        public static let useFrame = ConfigKey<Bool>("useFrame", .boolean, doc: "allow the use of an iframe during the call", default: true)
        public static let params = ConfigKey<ConfigObject>("params", .object(ObjectSchema("params", keys: [
            Params.directory, Params.directoryStartOpen, Params.template, Params.useDefaultTheme, Params.culture,
        ])), doc: "agentParams passed to loadAgent")
    }

    /// `apizee.loaderAgent.params`: passed to loadAgent as written (`LoaderAgentSettings.Params`).
    public enum Params {
        public static let directory = ConfigKey<Bool>("directory", .boolean, doc: "show the user directory")
        public static let directoryStartOpen = ConfigKey<Bool>("directoryStartOpen", .boolean, doc: "directory open at start")
        public static let template = ConfigKey<String>("template", CommonTypes.identifier(maxLength: 64), doc: "UI template, e.g. agent-modern")
        public static let useDefaultTheme = ConfigKey<Bool>("useDefaultTheme", .boolean, doc: "use the default theme")
        public static let culture = ConfigKey<String>("culture", CommonTypes.locale, doc: "UI language")
    }

    public static let optionsSchema = ObjectSchema(kind, doc: "Apizee loaderAgent bootstrap; settings come from apizee.loaderAgent", keys: [Options.title])

    public static let tenantSection: TenantSection? = TenantSection(
        vendor: Apizee.section, key: "loaderAgent", doc: "loaderAgent bootstrap",
        schema: ObjectSchema("loaderAgent", keys: [
            TenantSettings.server, TenantSettings.script, TenantSettings.agentInfoEndpoint, TenantSettings.useFrame, TenantSettings.params,
        ]))

    public static let layout: ComponentLayout? = ComponentLayout("loader-agent", frontMatter: .options(key: "loaderAgent", doc: "options of a 'loader-agent' page"))
}
