import ArgumentParser
import EmbedCore

/// `embedsmith`: generate and check embed pages for support video and chat vendors.
public struct EmbedsmithCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "embedsmith",
        abstract: "Generate safe static embed pages for Apizee, ChatApp and TeamViewer Engage, and check HTML for unsafe embeds.",
        discussion: """
        Quick start: put content/<tenant>/tenant.yaml and content/<tenant>/index.md in a folder, then
          embedsmith build                 # content/ + templates/ -> site/
          embedsmith schema --for tenant   # every tenant.yaml key, as JSON Schema

        Many tenants, several machines: 'embedsmith build --shard K/N' on each, then
        'embedsmith merge' (see embedsmith help merge).

        Exit codes: 0 success, 1 check findings, 64 usage, 65 invalid input, 74 I/O failure.
        """,
        version: ToolVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ExplainCommand.self, InitCommand.self, LinkCommand.self, MergeCommand.self, SchemaCommand.self, ServeCommand.self])

    public init() {}
}
