import EmbedCore

/// A `_headers` file (Netlify and Cloudflare Pages format) read into rules, with what is wrong
/// in it. The format, as both hosts document it
/// (https://docs.netlify.com/routing/headers/#syntax-for-the-headers-file,
/// https://developers.cloudflare.com/pages/configuration/headers/):
///
///     # comment
///     /path/pattern           a URL pattern on its own line (Cloudflare: or https://host/path)
///       Name: value           indented header lines below it
///       ! Name                Cloudflare only: detach a header set by a broader rule
///
/// Reading is bounded: the file is at most `maxBytes`, and problems stop being listed after
/// `maxProblems` (a hostile file cannot make the report unbounded).
public struct HeadersFile: Sendable {
    public struct Header: Sendable, Equatable {
        /// As written (header names are case-insensitive: compare `key`).
        public var name: String
        public var value: String
        public var line: Int
        /// The name lowercased.
        public var key: String

        public init(name: String, value: String, line: Int) {
            self.name = name
            self.value = value
            self.line = line
            self.key = name.asciiLowercased
        }

        init(name: String, value: String, line: Int, key: String) {
            self.name = name
            self.value = value
            self.line = line
            self.key = key
        }
    }

    public struct Rule: Sendable {
        public var pattern: String
        public var line: Int
        public var headers: [Header]
        /// `! Name` lines: names (lowercased) and their lines.
        public var detaches: [(key: String, line: Int)]
    }

    public struct Problem: Sendable, Equatable {
        public var severity: Severity
        public var code: String
        public var message: String
        public var hint: String?
        public var line: Int
        public var column: Int
    }

    public static let maxBytes = 1 << 20
    public static let maxProblems = 200
    /// Cloudflare Pages: "A project is limited to 100 header rules. Each line in the _headers
    /// file has a 2,000 character limit. The entire line, including spacing, header name, and
    /// value, counts towards the limit." (pages/configuration/headers, "Attach a header").
    public static let cloudflareRuleLimit = 100
    public static let cloudflareLineLimit = 2000

    public let rules: [Rule]
    public let problems: [Problem]

    public init(text: String) {
        var rules: [Rule] = []
        var problems: [Problem] = []
        func problem(_ severity: Severity, _ code: String, _ message: String, hint: String? = nil, line: Int, column: Int = 1) {
            guard problems.count < HeadersFile.maxProblems else { return }
            problems.append(Problem(severity: severity, code: code, message: message, hint: hint, line: line, column: column))
        }
        var number = 0
        var interned: [String: String] = [:]
        // Lines are split on the bytes: a Character walk over a large file is several times slower.
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let raw = Substring(bytes)
            let line = raw.utf8.last == 0x0D ? raw.dropLast() : raw
            if line.utf8.count > HeadersFile.cloudflareLineLimit, line.count > HeadersFile.cloudflareLineLimit {
                problem(.error, "headers-limit", "line is \(line.count) characters long: Cloudflare Pages reads at most \(HeadersFile.cloudflareLineLimit) a line",
                        hint: "shorten the value, or split the rule", line: number, column: HeadersFile.cloudflareLineLimit + 1)
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = trimmed.startIndex != line.startIndex
            let column = line.distance(from: line.startIndex, to: trimmed.startIndex) + 1
            if !indented {
                let pattern = String(trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? trimmed)
                if !(pattern.hasPrefix("/") || pattern.hasPrefix("https://")) {
                    problem(.error, "headers-syntax", "\(HeadersText.display(pattern)) is not a URL path: a rule starts with / (or https:// on Cloudflare Pages), and header lines are indented",
                            hint: "write the path first (/page.html), then each header on an indented line below it", line: number)
                } else if pattern.filter({ $0 == "*" }).count > 1 {
                    problem(.warning, "headers-syntax", "\(HeadersText.display(pattern)) has more than one splat (*): Cloudflare Pages allows one per pattern",
                            hint: "use one * and :placeholders for the other segments", line: number)
                }
                rules.append(Rule(pattern: pattern, line: number, headers: [], detaches: []))
                if rules.count == HeadersFile.cloudflareRuleLimit + 1 {
                    problem(.error, "headers-limit", "rule \(rules.count): Cloudflare Pages applies only the first \(HeadersFile.cloudflareRuleLimit) rules of a _headers file; this one and all after it are dropped",
                            hint: "merge rules with a splat (/*) or placeholders (/:page)", line: number)
                }
                continue
            }
            guard !rules.isEmpty else {
                problem(.error, "headers-syntax", "header line before any URL path: no rule to attach it to", hint: "put a path (/*) on a line of its own above it", line: number, column: column)
                continue
            }
            if trimmed.hasPrefix("!") {
                let name = trimmed.dropFirst().trimmingSpaceAndTab
                guard HeadersText.isToken(name) else {
                    problem(.error, "headers-syntax", "'! \(HeadersText.display(name))' does not name a header to detach", line: number, column: column)
                    continue
                }
                rules[rules.count - 1].detaches.append((name.asciiLowercased, number))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                problem(.error, "headers-syntax", "header line without ':': hosts skip it", hint: "write Name: value", line: number, column: column)
                continue
            }
            let name = String(trimmed[..<colon]).trimmingSpaceAndTab
            let value = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaceAndTab
            guard HeadersText.isToken(name) else {
                problem(.error, "headers-syntax", "'\(HeadersText.display(name))' is not a header name", hint: "header names are letters, digits and - (Content-Security-Policy)", line: number, column: column)
                continue
            }
            // Equal names and values (one policy written for /p and /p.html) share one string:
            // every file is kept for the whole run.
            func intern(_ text: String) -> String {
                if let known = interned[text] { return known }
                interned[text] = text
                return text
            }
            let sharedName = intern(name)
            rules[rules.count - 1].headers.append(Header(name: sharedName, value: intern(value), line: number, key: intern(sharedName.asciiLowercased)))
        }
        for rule in rules where rule.headers.isEmpty && rule.detaches.isEmpty {
            problem(.warning, "headers-syntax", "rule \(HeadersText.display(rule.pattern)) sets no header", hint: "indent its header lines below it, or remove it", line: rule.line)
        }
        self.rules = rules
        self.problems = problems
    }
}

/// Text helpers for `_headers` values.
enum HeadersText {
    /// A header name: RFC 9110 token characters.
    static func isToken<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }

    /// Input text quoted in a message: a short excerpt (every report format escapes control
    /// and invisible characters where it renders, `DisplayText.escaped`).
    static func display<S: StringProtocol>(_ text: S, limit: Int = 60) -> String {
        DisplayText.excerpt(text, limit: limit)
    }
}

private extension StringProtocol {
    var trimmingSpaceAndTab: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[first...last])
    }
}
