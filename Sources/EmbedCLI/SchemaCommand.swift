import ArgumentParser
import EmbedVendors

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of tenant.yaml and of page front matter.",
        discussion: """
        Point your editor's YAML language server at it for completion and validation:
          embedsmith schema --for tenant > tenant.schema.json
        """)

    @Option(name: .customLong("for"), help: ArgumentHelp("tenant, page, or all.", valueName: "what"))
    var target: String = "all"

    func validate() throws {
        guard ["tenant", "page", "all"].contains(target) else { throw ValidationError("--for must be tenant, page or all") }
    }

    func run() throws {
        print(ComponentRegistry.jsonSchema(for: target))
    }
}
