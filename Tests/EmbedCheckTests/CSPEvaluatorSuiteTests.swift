@testable import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// Google CSP Evaluator's own unit-test policies (Tests/Fixtures/shared-data/csp-evaluator,
/// from github.com/google/csp-evaluator at d5cddb91): each policy goes into a page's CSP
/// `<meta>`, the whole checker runs, and the HIGH categories it reports as errors must be the
/// evaluator's, case by case; a negative control gets no error of that check's categories.
///
/// `expected.json` gives the verdict of one evaluator check per policy (the `check` field), not
/// of the whole evaluator: `script-src *.google.com` is an allowlist bypass in case 28 and a
/// negative control of `evaluateForFailure` (which does not look for bypasses) in case 40. So
/// each case is compared within the categories its check can report (`families`).
@Suite struct CSPEvaluatorSuiteTests {
    struct Case: Decodable, CustomTestStringConvertible {
        var page: String
        var name: String
        var csp: String
        var check: String
        var high: [String]
        var testDescription: String { "\(page.prefix(2)) \(name)" }
    }

    static let folder = CheckPaths.sharedData.appendingPathComponent("csp-evaluator")

    static let cases: [Case] = {
        struct File: Decodable { var cases: [Case] }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("expected.json").path),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()

    /// The HIGH categories each evaluator check can report (`checks/security_checks.ts`,
    /// `lighthouse/lighthouse_checks.ts`); checks with only MEDIUM or SYNTAX findings have none.
    static let families: [String: Set<String>] = [
        "checkScriptUnsafeInline": ["unsafe-inline-script"],
        "checkPlainUrlSchemes": ["scheme-script", "scheme-object", "scheme-base-uri"],
        "checkWildcards": ["wildcard-script", "wildcard-object", "wildcard-base-uri"],
        "checkMissingDirectives": ["missing-script-src", "missing-object-src", "missing-base-uri"],
        "checkScriptAllowlistBypass": ["allowlist-bypass"],
        "checkFlashObjectAllowlistBypass": ["flash-bypass"],
        "checkNonceLength": [], "checkSrcHttp": [], "checkInvalidKeyword": [],
        // evaluateForFailure: missing directives, then (on the CSP3 effective policy)
        // strict-dynamic (STRICT_CSP), unsafe-inline, wildcards and plain URL schemes.
        "evaluateForFailure": ["missing-script-src", "missing-object-src", "missing-base-uri", "unsafe-inline-script",
                               "wildcard-script", "wildcard-object", "wildcard-base-uri",
                               "scheme-script", "scheme-object", "scheme-base-uri"],
        "evaluateForWarnings": [],
    ]

    static func page(_ csp: String) -> String {
        let escaped = csp.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"\(escaped)\">\n<title>t</title>\n</head>\n<body><p>x</p></body>\n</html>\n"
    }

    /// The categories the checker reports for a policy: the analysis' categories, each proven
    /// by an error of its rule, inside the meta's `content` (line 5, past column 1), with a hint.
    static func reported(_ csp: String) -> (categories: Set<String>, errors: [Finding]) {
        let findings = PageChecker().check(html: page(csp))
        let errors = findings.filter { $0.severity == .error }
        let weaknesses = CSPStrength.weaknesses([CSPPolicy(csp)])
        var categories: Set<String> = []
        for weakness in weaknesses {
            let rule = weakness.category.rule
            let own = errors.filter { $0.rule == rule }
            let count = weaknesses.filter { $0.category.rule == rule }.count
            #expect(own.count == count, "\(csp): \(rule) reports \(own.count) errors for \(count) weaknesses")
            #expect(own.allSatisfy { $0.position.line == 5 && $0.position.column > 1 && $0.hint != nil })
            if !own.isEmpty { categories.insert(weakness.category.rawValue) }
        }
        return (categories, errors)
    }

    @Test func suiteIsThere() {
        #expect(Self.cases.count == 41)
        for c in Self.cases { #expect(Self.families[c.check] != nil, "no family for \(c.check)") }
    }

    @Test("each evaluator case gets exactly its HIGH categories as errors", arguments: cases)
    func evaluatorCase(_ c: Case) {
        let family = Self.families[c.check] ?? []
        let got = Self.reported(c.csp).categories.intersection(family)
        #expect(got == Set(c.high), "\(c.csp): got \(got.sorted()), the evaluator \(c.high.sorted())")
    }

    /// The figures of the whole suite, printed for the record (`swift test --filter CSPEvaluator`).
    @Test func figures() {
        var expected = 0, found = 0, pagesWithHigh = 0, pagesFlagged = 0, controls = 0, controlsClean = 0, controlsAnyError = 0
        for c in Self.cases {
            let family = Self.families[c.check] ?? []
            let result = Self.reported(c.csp)
            let got = result.categories.intersection(family)
            expected += c.high.count
            found += c.high.filter(got.contains).count
            if c.high.isEmpty {
                controls += 1
                if got.isEmpty { controlsClean += 1 }
                if !result.errors.isEmpty { controlsAnyError += 1 }
            } else {
                pagesWithHigh += 1
                if !result.errors.isEmpty { pagesFlagged += 1 }
            }
        }
        print("CSP Evaluator suite: HIGH categories reported \(found)/\(expected); pages with a HIGH finding flagged \(pagesFlagged)/\(pagesWithHigh); "
              + "negative controls without an error of their check's categories \(controlsClean)/\(controls) "
              + "(\(controlsAnyError) of them get other errors: the policy's other weaknesses or syntax)")
        #expect(found == expected && expected == 26)
        #expect(pagesFlagged == pagesWithHigh && pagesWithHigh == 23)
        #expect(controlsClean == controls && controls == 18)
    }

    /// The bypass lists compiled into the checker are the evaluator's, entry for entry.
    @Test func bypassListsMatchTheEvaluatorData() throws {
        func list(_ file: String, _ key: String) throws -> [String] {
            let data = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent("allowlist-bypasses/\(file).json").path))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
            return try #require(object[key])
        }
        #expect(CSPAllowlistBypasses.jsonp == (try list("jsonp", "urls")))
        #expect(CSPAllowlistBypasses.jsonpNeedingEval == (try list("jsonp", "needsEval")))
        #expect(CSPAllowlistBypasses.angular == (try list("angular", "urls")))
        #expect(CSPAllowlistBypasses.flash == (try list("flash", "urls")))
    }
}
