import ArgumentParser
import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation

/// `embedsmith link KIND`: one subcommand per component with a `LinkSpec`, from the registry.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Print one vendor URL (or with --html the element to paste), built and validated exactly as the generator does.",
        discussion: """
        Each option sets the config key of the same name; `embedsmith link KIND --help` lists a kind's options.

        Examples:
        \(ComponentRegistry.linkable.flatMap { component in
            (component.link?.examples ?? []).map { "  embedsmith link \(component.kind) \($0)" }
        }.joined(separator: "\n"))

        Exit codes: 0 printed; 65 invalid value (the reason is printed); 64 usage.
        """,
        subcommands: ComponentRegistry.linkable.map { $0.linkCommand })
}

extension Component {
    /// This component's `link` subcommand.
    static var linkCommand: any ParsableCommand.Type { LinkKindCommand<Self>.self }
}

/// `embedsmith link KIND [--OPTION VALUE]... [--html]`; its options are the component's
/// (`LinkOptions`), read by `LinkRequest`, listed in this subcommand's help.
struct LinkKindCommand<C: Component>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: C.kind, abstract: C.optionsSchema.doc,
                             discussion: LinkOptions(C.self).help)
    }

    @Flag(help: "Print the ready-to-paste <a>, <iframe> or <script> element instead of the URL.")
    var html = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The kind's options (listed below).", valueName: "option"))
    var arguments: [String] = []

    /// Reads the options here, so a usage error prints this subcommand's usage (exit 64).
    func validate() throws { _ = try request() }

    func request() throws -> LinkRequest {
        do {
            return try LinkRequest(LinkOptions(C.self), arguments: arguments)
        } catch {
            switch error { case .usage(let message): throw ValidationError(message) }
        }
    }

    func run() throws {
        switch try request().build(html: html) {
        case .success(let output):
            print(output)
        case .failure(let problems):
            let text = problems.diagnostics.map { "embedsmith: \($0)" }.joined(separator: "\n") + "\n"
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }
}
