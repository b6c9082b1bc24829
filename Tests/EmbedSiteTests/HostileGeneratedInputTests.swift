import EmbedCore
import Foundation
import Testing

/// Hostile inputs too big or too regular to commit as fixtures, generated here and run through
/// the same harness as the txtar corpus (InvalidInputCorpusTests.swift): each must fail with
/// exit 65 and located diagnostics, in bounded time, leaving the previous site as it was.
@Suite struct HostileGeneratedInputTests {
    static let tenantYAML = "name: Acme\nbaseURL: https://support.acme.example/\n"
    static let page = "---\ntitle: Home\n---\nHello\n"

    /// A one-tenant project (`acme`), with its tenant.yaml and pages replaced as given.
    static func project(_ name: String, tenant: String = tenantYAML, pages: [String: String] = ["index.md": page],
                        expect: [String] = [], codes: [String] = [], timeLimit: Duration = .seconds(120),
                        check: (@Sendable ([Diagnostic]) -> Void)? = nil) -> InvalidCase {
        var files: [(path: String, entry: InvalidCase.Entry)] = [("content/acme/tenant.yaml", .file(Data(tenant.utf8)))]
        for (path, text) in pages.sorted(by: { $0.key < $1.key }) {
            files.append(("content/acme/\(path)", .file(Data(text.utf8))))
        }
        return InvalidCase(name: name, files: files, expectedLines: expect, expectedCodes: codes, timeLimit: timeLimit, extraCheck: check)
    }

    static func count(_ code: String, _ n: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> @Sendable ([Diagnostic]) -> Void {
        { diagnostics in
            let found = diagnostics.filter { $0.code == code }.count
            #expect(found == n, "expected \(n) [\(code)] diagnostics, found \(found)", sourceLocation: sourceLocation)
        }
    }

    static let cases: [InvalidCase] = [
        // 10,000 nested flow sequences: refused at the 33rd bracket, before the parser recurses.
        project("yaml-too-deep--10000-nested-flow-sequences",
                tenant: tenantYAML + "engage:\n  labels: " + String(repeating: "[", count: 10_000) + "x" + String(repeating: "]", count: 10_000) + "\n",
                expect: ["content/acme/tenant.yaml:4:41: error: nesting deeper than 32 levels [yaml-too-deep]"]),

        // 10,000 nested block sequences on one line ("- - - - …").
        project("yaml-too-deep--10000-nested-block-sequences-one-line",
                tenant: tenantYAML + "engage:\n  labels:\n    " + String(repeating: "- ", count: 10_000) + "x\n",
                expect: ["content/acme/tenant.yaml:5:65: error: nesting deeper than 32 levels [yaml-too-deep]"]),

        // 300 nested block sequences as a staircase, two more spaces a line: refused at the
        // 33rd level (line 35, column 65), where the nesting limit is crossed.
        project("yaml-too-deep--300-nested-block-sequences-staircase",
                tenant: tenantYAML + "engage:\n  labels:\n" + (0..<300).map { String(repeating: " ", count: 4 + 2 * $0) + "-\n" }.joined(),
                expect: ["content/acme/tenant.yaml:35:65: error: nesting deeper than 32 levels [yaml-too-deep]"]),

        // 10,000 nested flow mappings in front matter: page line numbers.
        project("yaml-too-deep--10000-nested-flow-mappings-in-front-matter",
                pages: ["index.md": "---\ntitle: Home\ndescription: " + String(repeating: "{", count: 10_000) + "\n---\nHello\n"],
                expect: ["content/acme/index.md:3:45: error: nesting deeper than 32 levels [yaml-too-deep]"]),

        // 10,000 nested flow sequences in an embed block: page line numbers.
        project("yaml-too-deep--10000-nested-flow-sequences-in-embed-block",
                pages: ["index.md": "---\ntitle: Home\n---\nCall:\n\n```embed quick-invitation\nphones: " + String(repeating: "[", count: 10_000) + "\n```\n"],
                expect: ["content/acme/index.md:7:40: error: nesting deeper than 32 levels [yaml-too-deep]"]),

        // A 2 MB scalar: refused by size before it is parsed.
        project("input-too-large--2MB-scalar-in-tenant-yaml",
                tenant: tenantYAML + "name2: " + String(repeating: "a", count: 2_000_000) + "\n",
                expect: ["content/acme/tenant.yaml:1:1: error: file is \(tenantYAML.utf8.count + 7 + 2_000_001) bytes; the limit is 1048576 bytes [input-too-large]"]),

        // An embed body can outgrow its page: under a fence indented by one space, cmark turns each
        // line's partly consumed tab into three spaces, so 1 MB of "\t\n" lines is 2 MB of YAML.
        project("yaml-too-large--embed-body-grown-by-tab-expansion",
                pages: ["index.md": "---\ntitle: Home\n---\n ```embed room-link\n" + String(repeating: "\t\n", count: 520_000) + " ```\n"],
                expect: ["content/acme/index.md:5:1: error: YAML is larger than 1048576 bytes [yaml-too-large]"]),

        // A page one byte over 1 MiB.
        project("input-too-large--page-one-byte-over-1MiB",
                pages: ["index.md": page + String(repeating: "a", count: (1 << 20) + 1 - page.utf8.count - 1) + "\n"],
                expect: ["content/acme/index.md:1:1: error: file is 1048577 bytes; the limit is 1048576 bytes [input-too-large]"]),

        // A page of exactly 1 MiB is read (its raw HTML on the last line is what fails).
        project("markdown-raw-html--page-of-exactly-1MiB",
                pages: ["index.md": page + String(repeating: "a", count: (1 << 20) - page.utf8.count - "\n\n<b>x</b>\n".utf8.count) + "\n\n<b>x</b>\n"],
                expect: ["content/acme/index.md:7:1: error: raw HTML is not allowed in Markdown ('<b>'); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]"]),

        // 100,000 inline raw HTML tags: the first 1,000 reported and located, the rest counted, in
        // bounded time and memory.
        project("markdown-raw-html--100000-inline-tags",
                pages: ["index.md": page + String(repeating: String(repeating: "<i>x</i> ", count: 50) + "\n", count: 1_000)],
                expect: [
                    "content/acme/index.md:5:1: error: raw HTML is not allowed in Markdown ('<i>'); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]",
                    "content/acme/index.md:14:446: error: raw HTML is not allowed in Markdown ('</i>'); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]",
                    // The first 1,000 places are listed, the other 99,000 counted in one error.
                    "content/acme/index.md:15:1: error: raw HTML is not allowed in Markdown: 99000 more places from here on are not listed (the first 1000 are); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]",
                ],
                check: count("markdown-raw-html", 1_001)),

        // Raw HTML at the end of a 1,000,000-character line: the column is exact.
        project("markdown-raw-html--after-a-1000000-character-line",
                pages: ["index.md": page + String(repeating: "a", count: 1_000_000) + " <b>\n"],
                expect: ["content/acme/index.md:5:1000002: error: raw HTML is not allowed in Markdown ('<b>'); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]"]),

        // Raw HTML at the bottom of 10,000 nested block quotes.
        project("markdown-raw-html--in-10000-nested-block-quotes",
                pages: ["index.md": page + String(repeating: ">", count: 10_000) + " <b>x</b>\n"],
                expect: ["content/acme/index.md:5:10002: error: raw HTML is not allowed in Markdown ('<b>'); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]"]),

        // 50,000 unclosed link brackets, then raw HTML (cmark's bracket stack stays linear).
        project("markdown-raw-html--after-50000-unclosed-brackets",
                pages: ["index.md": page + String(repeating: "[", count: 50_000) + " <b>\n"],
                expect: ["content/acme/index.md:5:50002: error: raw HTML is not allowed in Markdown ('<b>'); set 'rawHTML: true' in the front matter to allow it [markdown-raw-html]"]),

        // 5,000 embed blocks of unknown kinds: every one reported at its fence.
        project("embed-unknown-kind--5000-blocks",
                pages: ["index.md": page + (0..<5_000).map { "\n```embed widget-\($0)\nx: 1\n```\n" }.joined()],
                expect: [
                    "content/acme/index.md:6:1: error: unknown component 'embed widget-0' [embed-unknown-kind]",
                    "content/acme/index.md:\(6 + 4 * 4_999):1: error: unknown component 'embed widget-4999' [embed-unknown-kind]",
                ],
                check: count("embed-unknown-kind", 5_000)),

        // More than 20,000 values: validation stops at the budget, with its own error.
        project("config-too-large--20001-keys",
                tenant: tenantYAML + (0..<20_001).map { "k\($0): 1\n" }.joined(),
                expect: ["content/acme/tenant.yaml:1:1: error: configuration has more than 20000 values [config-too-large]"]),

        // 10,000 front-matter keys, all unknown: the first 1,000 listed, the other 9,000 counted
        // in one error at the first of them.
        project("config-unknown-key--10000-front-matter-keys",
                pages: ["index.md": "---\ntitle: Home\n" + (0..<10_000).map { "key\($0): 1\n" }.joined() + "---\nHello\n"],
                expect: [
                    "content/acme/index.md:1002:1: error: unknown key 'key999' [config-unknown-key]",
                    "content/acme/index.md:1003:1: error: 9000 more problems from here on are not listed (the first 1000 are) [config-unknown-key]",
                ],
                check: count("config-unknown-key", 1_001)),

        // 100,000 unknown keys in a tenant.yaml of 1 MiB (a quadratic composer took minutes):
        // validation stops at the value budget, 1,000 listed, the rest counted.
        project("config-too-large--100000-keys-in-1MiB",
                tenant: tenantYAML + (0..<100_000).map { "k\($0):\n" }.joined(),
                expect: [
                    "content/acme/tenant.yaml:1:1: error: configuration has more than 20000 values [config-too-large]",
                    "content/acme/tenant.yaml:1002:1: error: unknown key 'k999' [config-unknown-key]",
                    "content/acme/tenant.yaml:1003:1: error: 18997 more problems from here on are not listed (the first 1000 are) [config-unknown-key]",
                ],
                check: count("config-unknown-key", 1_001)),

        // A 1,000,000-character quoted value on one line: one error, the value clipped in the message.
        project("config-too-long--1000000-character-title",
                pages: ["index.md": "---\ntitle: \"" + String(repeating: "é", count: 500_000) + "\"\n---\nHello\n"],
                expect: ["content/acme/index.md:2:8: error: 'title' is 500000 characters long; the limit is 200 [config-too-long]"]),

        // Issue 10, forged diagnostics: a folder and a page name holding a line break, a
        // carriage return and an escape sequence print one line, escaped; no forged line blaming
        // the good tenant appears.
        forged("diagnostic-forged--line-break-in-folder-and-page-names", isolated: false),
        forged("diagnostic-forged--line-break-in-names-printed-by-the-cli", isolated: true),

        // A tenant.yaml key holding a line break and a forged diagnostic (YAML "\n" escapes).
        project("diagnostic-forged--line-break-in-a-tenant-yaml-key",
                tenant: tenantYAML + "\"k\\n\(forgedLine)\": 1\n",
                expect: [#"content/acme/tenant.yaml:3:1: error: unknown key 'k\ncontent/good/tenant.yaml:1:1: error: forged blame [config…' [config-unknown-key]"#]),

        // ANSI colours, an OSC window title and hyperlink, a carriage return and bidi overrides
        // in keys and values of tenant.yaml and front matter: shown escaped.
        project("diagnostic-escapes--ansi-osc-cr-and-bidi-in-config",
                tenant: tenantYAML + #"""
                    "\e]0;pwned\a\e[2J\e[31m": 1
                    "ok\rcontent/good/tenant.yaml:1:1: error: forged": 1
                    locale: "\u202Een\u2066\u200F\u061C"
                    theme:
                      "\e]8;;https://evil.example\e\\link\e]8;;\e\\": 1

                    """#,
                expect: [
                    #"content/acme/tenant.yaml:3:1: error: unknown key '\u{1B}]0;pwned\u{7}\u{1B}[2J\u{1B}[31m' [config-unknown-key]"#,
                    #"content/acme/tenant.yaml:4:1: error: unknown key 'ok\rcontent/good/tenant.yaml:1:1: error: forged' [config-unknown-key]"#,
                    #"content/acme/tenant.yaml:5:9: error: 'locale' must be one of 'en', 'fr', found '\u{202E}en\u{2066}\u{200F}\u{61C}' [config-enum]"#,
                    #"content/acme/tenant.yaml:7:3: error: unknown key '\u{1B}]8;;https://evil.example\u{1B}\link\u{1B}]8;;\u{1B}\' [config-unknown-key]"#,
                ]),
        project("diagnostic-escapes--bidi-override-in-a-front-matter-key",
                pages: ["index.md": "---\ntitle: Home\n\"a\\u202Etxt.exe\": 1\n---\nHello\n"],
                expect: [#"content/acme/index.md:3:1: error: unknown key 'a\u{202E}txt.exe' [config-unknown-key]"#]),

        // A 10 KB key (an explicit key: libyaml caps implicit ones at 1024 characters) and a 10 KB
        // value: each quoted as a short excerpt.
        project("config-unknown-key--10KB-key-and-value-quoted-short",
                tenant: tenantYAML + "? " + String(repeating: "k", count: 10_000) + "\n: 1\nlocale: " + String(repeating: "v", count: 10_000) + "\n",
                expect: [
                    "content/acme/tenant.yaml:3:3: error: unknown key '\(String(repeating: "k", count: 59))…' [config-unknown-key]",
                    "content/acme/tenant.yaml:5:9: error: 'locale' must be one of 'en', 'fr', found '\(String(repeating: "v", count: 59))…' [config-enum]",
                ],
                check: { diagnostics in
                    for diagnostic in diagnostics {
                        #expect(diagnostic.description.utf8.count < 400, "\(diagnostic.description.prefix(200))…")
                    }
                }),

        // 300 tenants, each with its own error: all reported together, in one build.
        {
            var c = InvalidCase(name: "multiple-tenants--300-tenants-each-with-an-error", jobs: 4)
            for i in 0..<300 {
                let id = String(format: "t%03d", i)
                c.files.append(("content/\(id)/tenant.yaml", .file(Data("name: T\(i)\nbaseURL: https://\(id).example/\nlocale: de\n".utf8))))
                c.files.append(("content/\(id)/index.md", .file(Data(page.utf8))))
            }
            c.expectedLines = [
                "content/t000/tenant.yaml:3:9: error: 'locale' must be one of 'en', 'fr', found 'de' [config-enum]",
                "content/t299/tenant.yaml:3:9: error: 'locale' must be one of 'en', 'fr', found 'de' [config-enum]",
            ]
            c.extraCheck = count("config-enum", 300)
            return c
        }(),
    ]

    /// The diagnostic a hostile name tries to print on a line of its own, blaming another tenant.
    static let forgedLine = "content/good/tenant.yaml:1:1: error: forged blame [config-secret]"

    /// Two tenants; `acme` has a folder and a page whose names make its diagnostic print, unescaped,
    /// `forgedLine` on a second line (a name holds no "/": the path is split across folders).
    static func forged(_ name: String, isolated: Bool) -> InvalidCase {
        var c = project(name)
        c.files.append(("content/acme/x\ncontent/good/tenant.yaml:1:1: error: forged blame/p [config-secret]\r\u{1B}[2K.md", .file(Data(page.utf8))))
        c.files.append(("content/good/tenant.yaml", .file(Data("name: Good\nbaseURL: https://good.example/\n".utf8))))
        c.files.append(("content/good/index.md", .file(Data(page.utf8))))
        c.expectedLines = [#"content/acme/x\ncontent/good/tenant.yaml:1:1: error: forged blame/p [config-secret]\r\u{1B}[2K.md:1:1: error: page path 'x\ncontent/good/tenant.yaml:1:1: error: forged blame/p [config-secret]\r\u{1B}[2K.md' must use lowercase letters, digits, '-' and '_' (it becomes a URL) [content-page-name]"#]
        c.forbiddenLinePrefixes = ["content/good/"]
        c.isolated = isolated
        return c
    }

    @Test("generated hostile input fails cleanly", arguments: cases)
    func hostileInputFailsCleanly(_ testCase: InvalidCase) {
        InvalidBuildHarness.check(testCase)
    }

    // Inputs that crash or hang the build today run in a child process (see the report that
    // added them, both fixed since): the suite survives them if they ever come back.

    /// Mustache sections nested 10,000 deep (a 160 KB layout) overflow the parser's stack.
    @Test func deeplyNestedMustacheSectionsAreRefused() {
        var c = Self.project("template-syntax--10000-nested-sections", pages: ["index.md": "---\ntitle: Home\nweight: x\n---\nHello\n"],
                             codes: ["template-syntax"])
        c.files.append(("templates/layouts/page.mustache",
                        .file(Data(("{{{head}}}" + String(repeating: "{{#nav}}", count: 10_000) + "{{title}}"
                                    + String(repeating: "{{/nav}}", count: 10_000) + "{{{content}}}\n").utf8))))
        c.isolated = true
        InvalidBuildHarness.check(c)
    }

    /// The "billion laughs" through the anchor check's blind spot: a JSON-style key (`"k":*a`)
    /// hides each alias, and a complex key makes Yams hash the whole expanded tree.
    @Test func aliasBombBehindJSONStyleKeysIsRefused() {
        var lines = [#"x0: {"k":&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]}"#]
        var previous = "a"
        for (i, anchor) in "bcdefghi".enumerated() {
            lines.append("x\(i + 1): {\"k\":&\(anchor) [" + Array(repeating: "{\"k\":*\(previous)}", count: 9).joined(separator: ",") + "]}")
            previous = String(anchor)
        }
        lines.append(#"z: {{"k":*i}: 1}"#)
        var c = Self.project("yaml-anchor--alias-bomb-behind-json-style-keys", tenant: Self.tenantYAML + lines.joined(separator: "\n") + "\n",
                             codes: ["yaml-anchor"])
        c.isolated = true
        InvalidBuildHarness.check(c)
    }
}
