@testable import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// The four output formats, fed the same results.
@Suite struct ReportFormatTests {
    static let results = [
        CheckRunner.FileResult(file: "site/a \"b\".html", diagnostics: [
            .error("iframe-src", "iframe host 'evil.example' is not allowed, line\nbreak: 100%", at: SourceLocation(file: "site/a \"b\".html", line: 3, column: 9), hint: "add it, maybe"),
            .warning("sandbox-escape", "review", at: SourceLocation(file: "site/a \"b\".html", line: 4, column: 1)),
        ], unreadable: false),
        CheckRunner.FileResult(file: "site/c.html", diagnostics: [], unreadable: false),
    ]

    static func render(_ format: ReportFormat) -> (out: String, err: String) {
        var out = "", err = ""
        var report = format.makeReport(out: { out += $0 }, err: { err += $0 })
        var summary = CheckSummary(maxWarnings: 0)
        report.begin()
        for result in results {
            summary.files += 1
            summary.count(result.diagnostics)
            report.file(result)
        }
        report.end(summary)
        return (out, err)
    }

    @Test func textIsCompilerStyleOnStderr() {
        let (out, err) = Self.render(.text)
        #expect(out.isEmpty)
        // The line break in the message is shown escaped: a diagnostic is one line (and its hint).
        #expect(err.contains("site/a \"b\".html:3:9: error: iframe host 'evil.example' is not allowed, line\\nbreak: 100% [iframe-src]\n  hint: add it, maybe"))
        #expect(err.hasSuffix("checked 2 files: 1 error, 1 warning (more than --max-warnings 0)\n"))
    }

    @Test func jsonIsOneDocument() throws {
        let (out, _) = Self.render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings[0]["file"] as? String == "site/a \"b\".html")
        #expect(findings[0]["rule"] as? String == "iframe-src")
        #expect(findings[0]["line"] as? Int == 3 && findings[0]["column"] as? Int == 9)
        #expect(findings[1]["hint"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1 && summary["warnings"] as? Int == 1 && summary["exitCode"] as? Int == 1)
    }

    @Test func githubAnnotationsEscapeTheirData() {
        let (out, err) = Self.render(.github)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "::error file=site/a \"b\".html,line=3,col=9,title=iframe-src::iframe host 'evil.example' is not allowed, line\\nbreak: 100%25 [iframe-src]%0Ahint: add it, maybe")
        #expect(lines[1].hasPrefix("::warning file="))
        #expect(err.contains("checked 2 files"))
    }

    @Test func sarifDescribesRulesAndResults() throws {
        let (out, _) = Self.render(.sarif)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["ruleId"] as? String == "iframe-src")
        #expect(results[0]["level"] as? String == "error")
        let index = try #require(results[0]["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "iframe-src")
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 3)
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "site/a \"b\".html")
    }

    @Test func exitStatus() {
        var summary = CheckSummary()
        #expect(summary.exitStatus == .success)
        summary.warnings = 3
        #expect(summary.exitStatus == .success)
        summary.maxWarnings = 2
        #expect(summary.exitStatus == .findings)
        summary.maxWarnings = 3
        #expect(summary.exitStatus == .success)
        summary.errors = 1
        #expect(summary.exitStatus == .findings)
        summary.unreadable = 1
        #expect(summary.exitStatus == .invalidInput)
    }

    @Test func jsonStringEscaping() {
        #expect(JSONText.quoted("a\"b\\c\n\u{1}\u{2028}é") == "\"a\\\"b\\\\c\\n\\u0001\\u2028é\"")
    }

    // MARK: - Hostile file names and messages (issue 10: no input can forge a diagnostic)

    /// A checked page's name and text carry a line break and a forged diagnostic, an ANSI colour,
    /// an OSC title and hyperlink, a carriage return and bidi overrides.
    static let forged = "site/good.html:1:1: error: forged [csp-present]"
    static let hostileFile = "site/x\n" + forged + "\r\u{1B}[2K.html"
    static let hostileResults = [
        CheckRunner.FileResult(file: hostileFile, diagnostics: [
            .error("iframe-src", "iframe host 'a\n\(forged)\u{1B}[31m\u{1B}]0;pwned\u{07}\u{1B}]8;;https://evil.example\u{1B}\\x\r\u{202E}lmth.exe\u{2066}\u{200F}\u{61C}\u{2028}'",
                   at: SourceLocation(file: hostileFile, line: 1, column: 1), hint: "fix\n\(forged)\u{9B}31m"),
        ], unreadable: false),
        // No location: the report names the file from the result.
        CheckRunner.FileResult(file: hostileFile, diagnostics: [.error("input-encoding", "x")], unreadable: true),
    ]

    static func renderHostile(_ format: ReportFormat) -> (out: String, err: String) {
        var out = "", err = ""
        var report = format.makeReport(out: { out += $0 }, err: { err += $0 })
        report.begin()
        for result in hostileResults { report.file(result) }
        report.end(CheckSummary())
        return (out, err)
    }

    /// Nothing that moves the cursor, ends a line, drives a terminal or reorders text.
    static func hasNoActiveCharacter(_ text: String, allowingLineFeeds: Bool) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar == "\n" { return allowingLineFeeds }
            return !DisplayText.needsEscape(scalar)
        }
    }

    @Test func textReportLinesCannotBeForged() {
        let (_, err) = Self.renderHostile(.text)
        #expect(Self.hasNoActiveCharacter(err, allowingLineFeeds: true))
        let lines = err.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.contains { $0.hasPrefix("site/good.html") }, "forged line in:\n\(err)")
        #expect(lines.count == 4, "\(lines)")  // two findings, one hint, the summary
        #expect(lines[0].hasPrefix("site/x\\nsite/good.html:1:1: error: forged [csp-present]\\r\\u{1B}[2K.html:1:1: error: iframe host 'a\\nsite/good.html"))
        #expect(lines[0].contains("\\u{1B}]0;pwned\\u{7}") && lines[0].contains("\\u{202E}lmth.exe\\u{2066}\\u{200F}\\u{61C}\\u{2028}'"))
        #expect(lines[1] == "  hint: fix\\n\(Self.forged)\\u{9B}31m")
    }

    @Test func githubAnnotationsCannotBeForged() {
        let (out, _) = Self.renderHostile(.github)
        #expect(Self.hasNoActiveCharacter(out, allowingLineFeeds: true))
        let lines = out.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("::error file=site/x\\nsite/good.html%3A1%3A1%3A error%3A forged [csp-present]\\r\\u{1B}[2K.html") }, "\(lines)")
        // The hint's own line break is the workflow command's %0A, its forged line stays escaped.
        #expect(lines[0].hasSuffix("%0Ahint: fix\\n\(Self.forged)\\u{9B}31m"))
    }

    @Test func jsonAndSARIFCarryDisplayEscapedText() throws {
        for format in [ReportFormat.json, .sarif] {
            let (out, _) = Self.renderHostile(format)
            // Valid JSON, one line per finding, and no active character even once decoded.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(format)")
            var strings: [String] = []
            func collect(_ value: Any) {
                if let s = value as? String { strings.append(s) }
                if let a = value as? [Any] { a.forEach(collect) }
                if let d = value as? [String: Any] { d.values.forEach(collect) }
            }
            collect(format == .sarif ? ((object["runs"] as? [[String: Any]])?.first?["results"] as Any) : object["findings"] as Any)
            #expect(strings.contains { $0.hasPrefix("site/x\\nsite/good.html:1:1: error: forged") }, "\(format): \(strings)")
            for string in strings {
                // SARIF joins message and hint with a line break of its own.
                #expect(Self.hasNoActiveCharacter(string, allowingLineFeeds: format == .sarif), "\(format): \(string.debugDescription)")
            }
        }
    }
}
