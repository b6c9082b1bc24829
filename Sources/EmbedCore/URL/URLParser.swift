// The URL Standard's basic URL parser (https://url.spec.whatwg.org/#concept-basic-url-parser),
// without state override (no setters) and with UTF-8 as the only query encoding.
//
// It works on an array of Unicode scalars, not Characters: Character would merge "\r\n"
// and combining marks, which the state machine must see one code point at a time.
// Components are built as percent-encoded ASCII bytes.

struct URLParser {
    private enum State {
        case schemeStart, scheme, noScheme, specialRelativeOrAuthority, pathOrAuthority
        case relative, relativeSlash, specialAuthoritySlashes, specialAuthorityIgnoreSlashes
        case authority, host, port, file, fileSlash, fileHost
        case pathStart, path, opaquePath, query, fragment
    }

    private let input: [Unicode.Scalar]
    private let base: WebURL?

    // The URL record under construction.
    private var scheme = ""
    private var special = false
    private var username: [UInt8] = []
    private var password: [UInt8] = []
    private var host: URLHost? = nil
    private var port: Int? = nil
    private var pathSegments: [String] = []
    private var opaquePath: [UInt8] = []
    private var hasOpaquePath = false
    private var query: [UInt8] = []
    private var hasQuery = false
    private var fragment: [UInt8] = []
    private var hasFragment = false

    static func parse(_ string: String, base: WebURL?) throws(URLParseError) -> WebURL {
        var parser = URLParser(input: preprocess(string), base: base)
        try parser.run()
        return parser.makeURL()
    }

    private init(input: [Unicode.Scalar], base: WebURL?) {
        self.input = input
        self.base = base
    }

    /// Strips leading and trailing C0 control or space, and removes all ASCII tab or newline.
    private static func preprocess(_ string: String) -> [Unicode.Scalar] {
        let scalars = string.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].value <= 0x20 {
            start = scalars.index(after: start)
        }
        while start < end, scalars[scalars.index(before: end)].value <= 0x20 {
            end = scalars.index(before: end)
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(string.utf8.count)
        for scalar in scalars[start..<end] where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            result.append(scalar)
        }
        return result
    }

    private func makeURL() -> WebURL {
        WebURL(
            scheme: scheme,
            username: String(decoding: username, as: UTF8.self),
            password: String(decoding: password, as: UTF8.self),
            host: host,
            port: port,
            path: hasOpaquePath ? .opaque(String(decoding: opaquePath, as: UTF8.self)) : .segments(pathSegments),
            query: hasQuery ? String(decoding: query, as: UTF8.self) : nil,
            fragment: hasFragment ? String(decoding: fragment, as: UTF8.self) : nil)
    }

    // MARK: Helpers

    private mutating func setScheme(_ newScheme: String) {
        scheme = newScheme
        special = WebURL.isSpecialScheme(newScheme)
    }

    @inline(__always)
    private func codePoint(at index: Int) -> Unicode.Scalar? {
        index >= 0 && index < input.count ? input[index] : nil
    }

    @inline(__always)
    private static func isASCIIAlpha(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    @inline(__always)
    private static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    @inline(__always)
    private static func asciiLowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(UInt8(c.value + 0x20)) : c
    }

    /// A Windows drive letter: an ASCII alpha followed by ":" or "|".
    private static func isWindowsDriveLetter(_ bytes: [UInt8]) -> Bool {
        bytes.count == 2 && isASCIIAlpha(Unicode.Scalar(bytes[0])) && (bytes[1] == 0x3A || bytes[1] == 0x7C)
    }

    private static func isNormalizedWindowsDriveLetter(_ segment: String) -> Bool {
        let bytes = Array(segment.utf8)
        return bytes.count == 2 && isASCIIAlpha(Unicode.Scalar(bytes[0])) && bytes[1] == 0x3A
    }

    /// "starts with a Windows drive letter", applied to the input from `index` on.
    private func startsWithWindowsDriveLetter(at index: Int) -> Bool {
        guard let first = codePoint(at: index), let second = codePoint(at: index + 1),
              URLParser.isASCIIAlpha(first), second == ":" || second == "|" else {
            return false
        }
        guard let third = codePoint(at: index + 2) else { return true }
        return third == "/" || third == "\\" || third == "?" || third == "#"
    }

    /// Counts "." / "%2e" tokens if the whole segment consists of them, else nil.
    private static func dotTokenCount(_ segment: [UInt8]) -> Int? {
        var count = 0
        var index = 0
        while index < segment.count {
            if segment[index] == 0x2E {
                index += 1
            } else if segment[index] == 0x25, index + 2 < segment.count,
                      segment[index + 1] == 0x32, segment[index + 2] | 0x20 == 0x65 {
                index += 3
            } else {
                return nil
            }
            count += 1
            if count > 2 { return nil }
        }
        return count
    }

    private static func isSingleDotSegment(_ segment: [UInt8]) -> Bool { dotTokenCount(segment) == 1 }
    private static func isDoubleDotSegment(_ segment: [UInt8]) -> Bool { dotTokenCount(segment) == 2 }

    /// "shorten a URL's path": drop the last segment, but keep a lone file: drive letter.
    private mutating func shortenPath() {
        if scheme == "file", pathSegments.count == 1, URLParser.isNormalizedWindowsDriveLetter(pathSegments[0]) {
            return
        }
        if !pathSegments.isEmpty { pathSegments.removeLast() }
    }

    private mutating func copyAuthority(from base: WebURL) {
        username = Array(base.username.utf8)
        password = Array(base.password.utf8)
        host = base.hostValue
        port = base.port
    }

    private mutating func copyPath(from base: WebURL) {
        switch base.path {
        case .segments(let segments):
            pathSegments = segments
            hasOpaquePath = false
        case .opaque(let string):
            opaquePath = Array(string.utf8)
            hasOpaquePath = true
        }
    }

    private mutating func copyQuery(from base: WebURL) {
        if let baseQuery = base.query {
            query = Array(baseQuery.utf8)
            hasQuery = true
        } else {
            query = []
            hasQuery = false
        }
    }

    private mutating func startQuery() {
        query = []
        hasQuery = true
    }

    private mutating func startFragment() {
        fragment = []
        hasFragment = true
    }

    // MARK: State machine

    private mutating func run() throws(URLParseError) {
        var state = State.schemeStart
        var buffer: [Unicode.Scalar] = []
        var pathBuffer: [UInt8] = []
        var atSignSeen = false
        var insideBrackets = false
        var passwordTokenSeen = false
        var pointer = 0
        let count = input.count

        while true {
            let c: Unicode.Scalar? = pointer >= 0 && pointer < count ? input[pointer] : nil

            switch state {
            case .schemeStart:
                if let c, URLParser.isASCIIAlpha(c) {
                    buffer.append(URLParser.asciiLowercased(c))
                    state = .scheme
                } else {
                    state = .noScheme
                    pointer -= 1
                }

            case .scheme:
                if let c, URLParser.isASCIIAlpha(c) || URLParser.isASCIIDigit(c) || c == "+" || c == "-" || c == "." {
                    buffer.append(URLParser.asciiLowercased(c))
                } else if c == ":" {
                    var newScheme = ""
                    newScheme.unicodeScalars.append(contentsOf: buffer)
                    setScheme(newScheme)
                    buffer.removeAll(keepingCapacity: true)
                    if scheme == "file" {
                        state = .file
                    } else if special, let base, base.scheme == scheme {
                        state = .specialRelativeOrAuthority
                    } else if special {
                        state = .specialAuthoritySlashes
                    } else if codePoint(at: pointer + 1) == "/" {
                        state = .pathOrAuthority
                        pointer += 1
                    } else {
                        hasOpaquePath = true
                        opaquePath = []
                        state = .opaquePath
                    }
                } else {
                    // Not a scheme after all: start over, treating the input as relative.
                    buffer.removeAll(keepingCapacity: true)
                    state = .noScheme
                    pointer = -1
                }

            case .noScheme:
                guard let base else {
                    throw .invalid("relative URL without a base")
                }
                if base.hasOpaquePath {
                    guard c == "#" else {
                        throw .invalid("relative URL against a base with an opaque path")
                    }
                    setScheme(base.scheme)
                    copyPath(from: base)
                    copyQuery(from: base)
                    startFragment()
                    state = .fragment
                } else if base.scheme != "file" {
                    state = .relative
                    pointer -= 1
                } else {
                    state = .file
                    pointer -= 1
                }

            case .specialRelativeOrAuthority:
                if c == "/", codePoint(at: pointer + 1) == "/" {
                    state = .specialAuthorityIgnoreSlashes
                    pointer += 1
                } else {
                    state = .relative
                    pointer -= 1
                }

            case .pathOrAuthority:
                if c == "/" {
                    state = .authority
                } else {
                    state = .path
                    pointer -= 1
                }

            case .relative:
                guard let base else { throw .invalid("relative URL without a base") }
                setScheme(base.scheme)
                if c == "/" || (special && c == "\\") {
                    state = .relativeSlash
                } else {
                    copyAuthority(from: base)
                    copyPath(from: base)
                    copyQuery(from: base)
                    if c == "?" {
                        startQuery()
                        state = .query
                    } else if c == "#" {
                        startFragment()
                        state = .fragment
                    } else if c != nil {
                        hasQuery = false
                        query = []
                        shortenPath()
                        state = .path
                        pointer -= 1
                    }
                }

            case .relativeSlash:
                if special && (c == "/" || c == "\\") {
                    state = .specialAuthorityIgnoreSlashes
                } else if c == "/" {
                    state = .authority
                } else {
                    guard let base else { throw .invalid("relative URL without a base") }
                    copyAuthority(from: base)
                    state = .path
                    pointer -= 1
                }

            case .specialAuthoritySlashes:
                if c == "/", codePoint(at: pointer + 1) == "/" {
                    state = .specialAuthorityIgnoreSlashes
                    pointer += 1
                } else {
                    state = .specialAuthorityIgnoreSlashes
                    pointer -= 1
                }

            case .specialAuthorityIgnoreSlashes:
                if c != "/" && c != "\\" {
                    state = .authority
                    pointer -= 1
                }

            case .authority:
                if c == "@" {
                    // Everything up to the last "@" is userinfo; earlier "@"s become "%40".
                    if atSignSeen {
                        if passwordTokenSeen {
                            password.append(contentsOf: [0x25, 0x34, 0x30])
                        } else {
                            username.append(contentsOf: [0x25, 0x34, 0x30])
                        }
                    }
                    atSignSeen = true
                    for codePoint in buffer {
                        if codePoint == ":" && !passwordTokenSeen {
                            passwordTokenSeen = true
                            continue
                        }
                        if passwordTokenSeen {
                            URLPercentEncoding.append(codePoint, using: .userinfo, to: &password)
                        } else {
                            URLPercentEncoding.append(codePoint, using: .userinfo, to: &username)
                        }
                    }
                    buffer.removeAll(keepingCapacity: true)
                } else if c == nil || c == "/" || c == "?" || c == "#" || (special && c == "\\") {
                    if atSignSeen && buffer.isEmpty {
                        throw .invalid("credentials without a host")
                    }
                    pointer -= buffer.count + 1
                    buffer.removeAll(keepingCapacity: true)
                    state = .host
                } else if let c {
                    buffer.append(c)
                }

            case .host:
                if c == ":" && !insideBrackets {
                    if buffer.isEmpty { throw .invalid("missing host") }
                    host = try URLHostParser.parse(buffer[...], isOpaque: !special)
                    buffer.removeAll(keepingCapacity: true)
                    state = .port
                } else if c == nil || c == "/" || c == "?" || c == "#" || (special && c == "\\") {
                    pointer -= 1
                    if special && buffer.isEmpty { throw .invalid("missing host") }
                    host = try URLHostParser.parse(buffer[...], isOpaque: !special)
                    buffer.removeAll(keepingCapacity: true)
                    state = .pathStart
                } else if let c {
                    if c == "[" { insideBrackets = true }
                    if c == "]" { insideBrackets = false }
                    buffer.append(c)
                }

            case .port:
                if let c, URLParser.isASCIIDigit(c) {
                    buffer.append(c)
                } else if c == nil || c == "/" || c == "?" || c == "#" || (special && c == "\\") {
                    if !buffer.isEmpty {
                        var value = 0
                        for digit in buffer {
                            value = value * 10 + Int(digit.value - 0x30)
                            if value > 65535 { throw .invalid("port out of range") }
                        }
                        port = value == WebURL.defaultPort(forScheme: scheme) ? nil : value
                        buffer.removeAll(keepingCapacity: true)
                    }
                    state = .pathStart
                    pointer -= 1
                } else {
                    throw .invalid("invalid port")
                }

            case .file:
                setScheme("file")
                host = .empty
                if c == "/" || c == "\\" {
                    state = .fileSlash
                } else if let base, base.scheme == "file" {
                    host = base.hostValue
                    copyPath(from: base)
                    copyQuery(from: base)
                    if c == "?" {
                        startQuery()
                        state = .query
                    } else if c == "#" {
                        startFragment()
                        state = .fragment
                    } else if c != nil {
                        hasQuery = false
                        query = []
                        if !startsWithWindowsDriveLetter(at: pointer) {
                            shortenPath()
                        } else {
                            pathSegments = []
                        }
                        state = .path
                        pointer -= 1
                    }
                } else {
                    state = .path
                    pointer -= 1
                }

            case .fileSlash:
                if c == "/" || c == "\\" {
                    state = .fileHost
                } else {
                    if let base, base.scheme == "file" {
                        host = base.hostValue
                        if !startsWithWindowsDriveLetter(at: pointer),
                           case .segments(let baseSegments) = base.path,
                           let first = baseSegments.first,
                           URLParser.isNormalizedWindowsDriveLetter(first) {
                            pathSegments.append(first)
                        }
                    }
                    state = .path
                    pointer -= 1
                }

            case .fileHost:
                if c == nil || c == "/" || c == "\\" || c == "?" || c == "#" {
                    pointer -= 1
                    let bufferBytes = buffer.count == 2 ? URLPercentEncoding.utf8Bytes(of: buffer) : []
                    if URLParser.isWindowsDriveLetter(bufferBytes) {
                        // "file://C:/" is a path, not a host; the buffer becomes the first segment.
                        pathBuffer = bufferBytes
                        buffer.removeAll(keepingCapacity: true)
                        state = .path
                    } else if buffer.isEmpty {
                        host = .empty
                        state = .pathStart
                    } else {
                        var parsedHost = try URLHostParser.parse(buffer[...], isOpaque: !special)
                        if parsedHost == .domain("localhost") {
                            parsedHost = .empty
                        }
                        host = parsedHost
                        buffer.removeAll(keepingCapacity: true)
                        state = .pathStart
                    }
                } else if let c {
                    buffer.append(c)
                }

            case .pathStart:
                if special {
                    state = .path
                    if c != "/" && c != "\\" { pointer -= 1 }
                } else if c == "?" {
                    startQuery()
                    state = .query
                } else if c == "#" {
                    startFragment()
                    state = .fragment
                } else if c != nil {
                    state = .path
                    if c != "/" { pointer -= 1 }
                }

            case .path:
                let isSlash = c == "/" || (special && c == "\\")
                if c == nil || isSlash || c == "?" || c == "#" {
                    if URLParser.isDoubleDotSegment(pathBuffer) {
                        shortenPath()
                        if !isSlash { pathSegments.append("") }
                    } else if URLParser.isSingleDotSegment(pathBuffer) {
                        if !isSlash { pathSegments.append("") }
                    } else {
                        if scheme == "file", pathSegments.isEmpty, URLParser.isWindowsDriveLetter(pathBuffer) {
                            pathBuffer[1] = 0x3A  // "|" -> ":"
                        }
                        pathSegments.append(String(decoding: pathBuffer, as: UTF8.self))
                    }
                    pathBuffer.removeAll(keepingCapacity: true)
                    if c == "?" {
                        startQuery()
                        state = .query
                    } else if c == "#" {
                        startFragment()
                        state = .fragment
                    }
                } else if let c {
                    URLPercentEncoding.append(c, using: .path, to: &pathBuffer)
                }

            case .opaquePath:
                if c == "?" {
                    startQuery()
                    state = .query
                } else if c == "#" {
                    startFragment()
                    state = .fragment
                } else if c == " " {
                    // Keep opaque paths from ending in a space that a later edit could expose.
                    let next = codePoint(at: pointer + 1)
                    if next == "?" || next == "#" {
                        opaquePath.append(contentsOf: [0x25, 0x32, 0x30])
                    } else {
                        opaquePath.append(0x20)
                    }
                } else if let c {
                    URLPercentEncoding.append(c, using: .c0Control, to: &opaquePath)
                }

            case .query:
                if c == "#" {
                    startFragment()
                    state = .fragment
                } else if let c {
                    URLPercentEncoding.append(c, using: special ? .specialQuery : .query, to: &query)
                }

            case .fragment:
                if let c {
                    URLPercentEncoding.append(c, using: .fragment, to: &fragment)
                }
            }

            if pointer >= count { break }
            pointer += 1
        }
    }
}
