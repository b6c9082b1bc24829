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
        #expect(err.contains("site/a \"b\".html:3:9: error: iframe host 'evil.example' is not allowed, line\nbreak: 100% [iframe-src]\n  hint: add it, maybe"))
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
        #expect(lines[0] == "::error file=site/a \"b\".html,line=3,col=9,title=iframe-src::iframe host 'evil.example' is not allowed, line%0Abreak: 100%25 [iframe-src]%0Ahint: add it, maybe")
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
}
