/// The headers a host sends for a URL path, computed from a `_headers` file as the host
/// documents it:
///
/// - every rule whose pattern matches the request path applies, in file order; a header set
///   more than once (by one rule or several) is sent once with the values joined by ", "
///   (Cloudflare: "If a header is applied twice in the _headers file, the values are joined
///   with a comma separator", developers.cloudflare.com/pages/configuration/headers/; Netlify:
///   multi-value headers are joined the same way, docs.netlify.com/routing/headers/ — its docs
///   do not say what a header set by two matching rules becomes; joined is modelled here, as
///   embedsmith's generator never sets one header from two rules for a page);
/// - `*` (a splat) matches any characters, `/` included; `:name` (a placeholder) matches one or
///   more characters other than `/` (Netlify: "A :placeholder matches anything except /, while
///   a * matches anything"; Cloudflare: the same, from its redirects syntax);
/// - Cloudflare Pages only: `! Name` detaches a header set by a matching rule; a rule written as
///   an absolute `https://host/path` URL applies on that host only (it is skipped when no host
///   name is given); only the first 100 rules are read.
///
/// Issue 11 reuses this to prove the generator's headers for every URL form of every page:
/// `servedURLPaths(ofFile:on:)` gives those forms, `effectiveHeaders(ofURLPath:)` the headers.
public struct HostHeaderRules: Sendable {
    /// A static host that reads `_headers` (nested: Foundation has a `Host` class).
    public enum Host: String, CaseIterable, Sendable {
        case netlify, cloudflare

        public var displayName: String { self == .netlify ? "Netlify" : "Cloudflare Pages" }
    }

    public struct EffectiveHeader: Sendable, Equatable {
        /// The name as first written.
        public var name: String
        /// Every value, in file order, joined with ", ".
        public var value: String
        /// Where each value comes from (line numbers in the `_headers` file).
        public var lines: [Int]
        /// The values one by one (each header line's own value).
        public var values: [String]
    }

    public let file: HeadersFile
    public let host: Host
    private let rules: [(rule: HeadersFile.Rule, pattern: PathPattern?)]

    public init(file: HeadersFile, host: Host) {
        self.file = file
        self.host = host
        let read = host == .cloudflare ? Array(file.rules.prefix(HeadersFile.cloudflareRuleLimit)) : file.rules
        rules = read.map { ($0, PathPattern($0.pattern, host: host)) }
        var literal: [[UInt8]: Int] = [:]
        var other: [Int] = []
        for (index, entry) in rules.enumerated() {
            guard let pattern = entry.pattern else { continue }
            // A path written twice: the later rules are tried one by one (rare).
            if let path = pattern.literalPath, literal[path] == nil { literal[path] = index } else { other.append(index) }
        }
        literalRules = literal
        otherRules = other
    }

    /// Rules whose pattern is one literal path (most of a generated file: `/agent`,
    /// `/agent.html`), by that path: a page's request looks them up instead of trying each.
    private let literalRules: [[UInt8]: Int]
    /// The other rules (splats, placeholders, host names), tried one by one.
    private let otherRules: [Int]

    /// The indexes of the rules that apply to a request, in file order.
    private func matchingRules(path: [UInt8], hostname: [UInt8]?) -> [Int] {
        let other = otherRules.filter { rules[$0].pattern!.matches(path: path, hostname: hostname) }
        guard let literal = literalRules[path] else { return other }
        guard !other.isEmpty else { return [literal] }
        return ([literal] + other).sorted()
    }

    /// The headers sent for a request of `path` (a URL path such as `/agent` or `/`, no query),
    /// keyed by lowercased name. `hostname` selects Cloudflare's absolute-URL rules.
    public func effectiveHeaders(ofURLPath path: String, hostname: String? = nil) -> [String: EffectiveHeader] {
        var result: [String: EffectiveHeader] = [:]
        var detached: Set<String> = []
        let pathBytes = Array(path.utf8), hostBytes = hostname.map { Array($0.utf8) }
        for index in matchingRules(path: pathBytes, hostname: hostBytes) {
            let rule = rules[index].rule
            for header in rule.headers {
                if var known = result[header.key] {
                    known.value += ", " + header.value
                    known.lines.append(header.line)
                    known.values.append(header.value)
                    result[header.key] = known
                } else {
                    result[header.key] = EffectiveHeader(name: header.name, value: header.value, lines: [header.line], values: [header.value])
                }
            }
            if host == .cloudflare { detached.formUnion(rule.detaches.map(\.key)) }
        }
        for key in detached { result[key] = nil }
        return result
    }

    /// The URL paths at which the host serves the file at `relativePath` (relative to the
    /// folder that holds `_headers`, `/`-separated: `agent.html`, `index.html`, `docs/index.html`),
    /// when that folder is served at `basePath` (`/`, or `/video/` for a site deployed below a path).
    ///
    /// Cloudflare Pages redirects `/p.html` to `/p` and `/d/index.html` to `/d/`
    /// ("Route matching", developers.cloudflare.com/pages/configuration/serving-pages/), so an
    /// HTML page is only ever served at its extension-less URL. Netlify serves `p.html` both at
    /// `/p.html` and at `/p` (and `d/index.html` at `/d/` and `/d/index.html`).
    public static func servedURLPaths(ofFile relativePath: String, basePath: String = "/", on host: Host) -> [String] {
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        let path = base + relativePath
        guard path.hasSuffix(".html") else { return [path] }
        let stem = String(path.dropLast(5))
        let pretty = stem.hasSuffix("/index") ? String(stem.dropLast(5)) : stem
        switch host {
        case .cloudflare: return [pretty]
        case .netlify: return [pretty, path]
        }
    }

    /// The path the folder is served at, from a page's own URL path (its canonical link) and
    /// the page's path in the folder: `/video/agent.html` (or `/video/agent`) for `agent.html`
    /// gives `/video/`. `/` when the URL does not end with the file's path.
    public static func basePath(pageURLPath: String, relativePath: String) -> String {
        var candidates = [relativePath]
        if relativePath.hasSuffix(".html") {
            let stem = String(relativePath.dropLast(5))
            candidates.append(stem.hasSuffix("index") && (stem == "index" || stem.hasSuffix("/index")) ? String(stem.dropLast(5)) : stem)
        }
        for candidate in candidates where pageURLPath.hasSuffix(candidate) {
            let base = String(pageURLPath.dropLast(candidate.utf8.count))
            if base.hasSuffix("/") { return base }
        }
        return "/"
    }
}

/// A rule's URL pattern, compiled: literal text, splats and placeholders, and for an absolute
/// URL its host.
struct PathPattern: Sendable {
    enum Piece: Sendable, Equatable { case literal([UInt8]), splat, placeholder }

    var hostname: [Piece]?
    var path: [Piece]

    init?(_ pattern: String, host: HostHeaderRules.Host) {
        var rest = Substring(pattern)
        if rest.hasPrefix("https://") {
            guard host == .cloudflare else { return nil }    // Netlify rules are paths
            rest = rest.dropFirst(8)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            hostname = PathPattern.pieces(rest[..<slash], delimiter: UInt8(ascii: "."))
            rest = slash == rest.endIndex ? "/" : rest[slash...]
        }
        guard rest.hasPrefix("/") else { return nil }
        path = PathPattern.pieces(rest, delimiter: UInt8(ascii: "/"))
    }

    static func pieces(_ text: Substring, delimiter: UInt8) -> [Piece] {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        func flush() { if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] } }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "*") {
                flush(); pieces.append(.splat); i += 1
            } else if b == UInt8(ascii: ":"), i + 1 < bytes.count, isAlpha(bytes[i + 1]) {
                flush(); pieces.append(.placeholder)
                i += 1
                while i < bytes.count, isAlpha(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == UInt8(ascii: "_") { i += 1 }
            } else {
                literal.append(b); i += 1
            }
        }
        flush()
        return pieces
    }

    static func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// The path when the pattern is one literal path with no host name (it matches that path only).
    var literalPath: [UInt8]? {
        guard hostname == nil, path.count == 1, case .literal(let bytes) = path[0] else { return nil }
        return bytes
    }

    func matches(path: [UInt8], hostname: [UInt8]?) -> Bool {
        if let pattern = self.hostname {
            guard let hostname, PathPattern.match(pattern, hostname, delimiter: UInt8(ascii: ".")) else { return false }
        }
        return PathPattern.match(self.path, path, delimiter: UInt8(ascii: "/"))
    }

    /// Whole-string match by dynamic programming over (piece, offset): linear in
    /// pieces x length, whatever the number of splats.
    static func match(_ pieces: [Piece], _ text: [UInt8], delimiter: UInt8) -> Bool {
        // Most rules are a literal path, or a literal prefix and a splat.
        if pieces.count == 1, case .literal(let bytes) = pieces[0] { return bytes == text }
        if pieces.count == 2, case .literal(let bytes) = pieces[0], pieces[1] == .splat { return text.starts(with: bytes) }
        // reachable[j]: the pieces so far can consume exactly text[..<j].
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for piece in pieces {
            var next = [Bool](repeating: false, count: text.count + 1)
            switch piece {
            case .literal(let bytes):
                for j in 0...text.count where reachable[j] && j + bytes.count <= text.count {
                    if text[j..<(j + bytes.count)].elementsEqual(bytes) { next[j + bytes.count] = true }
                }
            case .splat:
                var any = false
                for j in 0...text.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            case .placeholder:
                for j in 0..<text.count where reachable[j] {
                    var k = j
                    while k < text.count, text[k] != delimiter {
                        k += 1
                        next[k] = true
                    }
                }
            }
            reachable = next
        }
        return reachable[text.count]
    }
}
