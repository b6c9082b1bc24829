import EmbedCheck
import EmbedCore
import Foundation

/// Shorthands for running the checker in tests.
enum Checking {
    static func findings(_ html: String, settings: CheckSettings = .defaults) -> [Finding] {
        PageChecker(settings: settings).check(html: html)
    }

    static func findings(_ html: String, rule: String, settings: CheckSettings = .defaults, headers: String? = nil) -> [Finding] {
        findings(html, settings: settings, headers: headers).filter { $0.rule == rule }
    }

    /// The page served as `index.html` of a folder whose `_headers` is `headers`.
    static func findings(_ html: String, settings: CheckSettings = .defaults, headers: String?, page: String = "index.html") -> [Finding] {
        guard let headers else { return findings(html, settings: settings) }
        let context = HeadersContext(displayPath: "_headers", file: HeadersFile(text: headers), relativePath: page)
        return PageChecker(settings: settings).check(html: html, headers: context)
    }

    /// The settings of a fixture folder (its `embedsmith.yaml`), or the defaults.
    static func settings(for folder: URL) throws -> CheckSettings {
        let file = folder.appendingPathComponent("embedsmith.yaml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return .defaults }
        switch CheckConfigLoader.load(data: data, file: file.path) {
        case .success(let settings): return settings
        case .failure(let problems): throw problems
        }
    }

    /// A page with a strict policy around `body`, for tests that want one rule's view.
    static func page(head: String = "", body: String,
                     csp: String = "default-src 'none'; script-src 'self'; frame-src https://apirtc.github.io https://app.apizee.com https://dialogs.pro") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(csp)">
        <title>t</title>
        \(head)
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }
}

extension DiagnosticList: CustomStringConvertible {
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
