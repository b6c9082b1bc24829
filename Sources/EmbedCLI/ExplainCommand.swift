import ArgumentParser
import EmbedCheck
import EmbedConfig
import EmbedCore
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the documentation of one check rule (or list the rules).",
        discussion: """
        Examples:
          embedsmith explain                 # every rule with its one-line summary
          embedsmith explain sandbox-escape
          embedsmith explain headers-syntax  # codes of the _headers file are explained too
        """)

    @Argument(help: ArgumentHelp("A rule id, as printed in brackets after each finding.", valueName: "rule"))
    var rule: String?

    func run() throws {
        guard let rule else {
            let width = RuleRegistry.ids.map(\.count).max() ?? 0
            for entry in RuleRegistry.all {
                print(entry.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.summary)
            }
            return
        }
        // The `_headers` file's own codes are not rules (nothing to switch off), but have a page.
        if let code = HeadersFileCodes.code(rule) {
            print(code.page, terminator: code.page.hasSuffix("\n") ? "" : "\n")
            return
        }
        guard RuleRegistry.rule(rule) != nil, let page = RuleDocs.page(for: rule) else {
            var message = "unknown rule '\(rule)'"
            if let guess = Suggestion.closest(to: rule, in: RuleRegistry.ids + HeadersFileCodes.all.map(\.id)) { message += " (did you mean '\(guess)'?)" }
            FileHandle.standardError.write(Data("error: \(message); 'embedsmith explain' lists them\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print(page, terminator: page.hasSuffix("\n") ? "" : "\n")
    }
}
