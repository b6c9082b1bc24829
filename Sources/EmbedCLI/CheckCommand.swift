import ArgumentParser
import EmbedCheck
import EmbedCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check HTML pages for unsafe or broken vendor embeds.",
        discussion: """
        Works on any HTML, not only pages embedsmith built. Each finding names
        the file, line, column and rule; `embedsmith explain RULE` tells what
        the rule wants and why.

        Settings come from embedsmith.yaml in the working folder (or --config):
          check:
            frameHosts: [apizee.example.com]    # more hosts frames may load
            messengerTypes: [telegramBot]       # more ChatApp messenger types
            rules: { sandbox-escape: warning }  # error | warning | off
        A _headers file (Netlify / Cloudflare Pages) in a checked folder, or
        in a folder of it, is read too: its syntax and limits are checked, and
        each page is checked with the headers both hosts send it.
        A comment silences one rule for the next element:
          <!-- embedsmith-disable-next-element sandbox-escape -->

        Examples:
          embedsmith check                     # every .html file under site/
          embedsmith check site/acme page.html --max-warnings 0
          embedsmith check --format sarif > embedsmith.sarif

        In folders, links are followed only when they lead inside the folder
        given, each file is checked once, and FIFOs and devices are reported, not
        opened. A page nested more than 512 deep or with more than 256
        attributes on one element is refused whole (input-too-complex).

        Exit codes: 0 clean; 1 errors, or more warnings than --max-warnings;
        65 unreadable input or invalid embedsmith.yaml; 64 usage.
        """)

    @Argument(help: ArgumentHelp("HTML files or folders to check (default: site/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output: text (compiler style, on stderr), json, github (Actions annotations) or sarif (2.1.0).", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Fail when there are more warnings than this (default: no limit).", valueName: "n"))
    var maxWarnings: Int?

    @Option(name: .long, help: ArgumentHelp("Settings file (default: ./embedsmith.yaml if present).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Files checked in parallel (default: number of cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let settings: CheckSettings
        switch CheckConfigLoader.resolve(explicit: config) {
        case .failure(let problems):
            DiagnosticPrinter.print(problems.diagnostics)
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        case .success(let resolved):
            settings = resolved.settings
        }
        let listing = CheckInputs.list(paths.isEmpty ? ["site"] : paths)
        let stdout = FileHandle.standardOutput, stderr = FileHandle.standardError
        var report = ReportFormat(rawValue: format)!.makeReport(
            out: { stdout.write(Data($0.utf8)) }, err: { stderr.write(Data($0.utf8)) })
        var summary = CheckSummary(maxWarnings: maxWarnings)
        report.begin()
        if !listing.problems.isEmpty {
            summary.unreadable += listing.problems.count
            report.file(CheckRunner.FileResult(file: "", diagnostics: listing.problems, unreadable: true))
        }
        // `_headers` files are read once, up front; their own problems are reported first.
        let headers = HeadersLookup(roots: paths.isEmpty ? ["site"] : paths, pages: listing.files)
        for result in headers.fileResults {
            if result.unreadable { summary.unreadable += 1 }
            summary.count(result.diagnostics)
            report.file(result)
        }
        let runner = CheckRunner(checker: PageChecker(settings: settings), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                 headers: headers)
        runner.run(listing.files) { result in
            summary.files += 1
            if result.unreadable { summary.unreadable += 1 }
            summary.count(result.diagnostics)
            report.file(result)
        }
        report.end(summary)
        if summary.exitStatus != .success { throw ExitCode(summary.exitStatus.rawValue) }
    }
}
