/// Finds what could run script in an SVG file opened as a document: script elements (in any
/// namespace prefix), elements that embed other documents (`foreignObject`, `iframe`…), `on*`
/// event attributes, `javascript:`/`vbscript:` in any attribute value (character references
/// decoded: `<set to="javascript:…">` and `xml:base` tricks included), entity declarations
/// (an internal entity can expand into a script element) and `xml-stylesheet` instructions
/// (XSLT writes script). Deliberately stricter than a browser: it reads tags, not a tree, and
/// refuses on doubt (unterminated constructs, bytes of another encoding).
enum SVGScriptScan {
    struct Problem: Equatable {
        /// Byte offset in the file.
        var offset: Int
        var reason: String
    }

    /// Elements refused whatever their namespace prefix (compared lowercased).
    static let refusedElements: Set<String> = ["script", "foreignobject", "handler", "listener", "iframe", "frame", "frameset",
                                               "embed", "object", "applet"]

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        if let index = bytes.firstIndex(where: { $0 == 0 || $0 == 0x1B }) {
            return Problem(offset: index, reason: "NUL or escape bytes (UTF-16 or a 7-bit encoding hides markup from this check)")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            return Problem(offset: 0, reason: "text that is not UTF-8")
        }
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        mutating func run() -> Problem? {
            while let start = next(0x3C) {  // '<'
                i = start + 1
                if starts(with: "!--") {
                    guard skip(past: "-->") else { return Problem(offset: start, reason: "an unterminated comment") }
                } else if starts(with: "![CDATA[") {
                    guard skip(past: "]]>") else { return Problem(offset: start, reason: "an unterminated CDATA section") }
                } else if starts(with: "!") {
                    guard let end = next(0x3E) else { return Problem(offset: start, reason: "an unterminated declaration") }
                    let declaration = lowercased(start..<end)
                    if declaration.contains("[") || declaration.contains("<!entity") {
                        return Problem(offset: start, reason: "a DTD internal subset or entity declaration (an entity can expand into script)")
                    }
                    i = end + 1
                } else if starts(with: "?") {
                    guard let end = find("?>") else { return Problem(offset: start, reason: "an unterminated processing instruction") }
                    if lowercased(start..<end).hasPrefix("<?xml-stylesheet") {
                        return Problem(offset: start, reason: "an xml-stylesheet instruction (an XSLT stylesheet can write script)")
                    }
                    i = end + 2
                } else if starts(with: "/") {
                    guard let end = next(0x3E) else { return Problem(offset: start, reason: "an unterminated end tag") }
                    i = end + 1
                } else if let problem = startTag(at: start) {
                    return problem
                }
            }
            return nil
        }

        /// Reads a start tag from after its `<`; a problem if the element or an attribute can run script.
        mutating func startTag(at start: Int) -> Problem? {
            let name = readName()
            guard !name.isEmpty else { return nil }  // a lone '<' in text: an XML error, nothing runs
            if SVGScriptScan.refusedElements.contains(localName(name)) {
                return Problem(offset: start, reason: "a <\(name)> element")
            }
            while true {
                skipSpace()
                guard i < bytes.count else { return Problem(offset: start, reason: "an unterminated <\(name)> tag") }
                if bytes[i] == 0x3E { i += 1; return nil }                                            // '>'
                if bytes[i] == 0x2F { i += 1; continue }                                              // '/'
                let attributeStart = i
                let attribute = readName()
                if attribute.isEmpty { i += 1; continue }
                if localName(attribute).hasPrefix("on") {
                    return Problem(offset: attributeStart, reason: "an event handler attribute '\(attribute)'")
                }
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3D else { continue }                             // '='
                i += 1
                skipSpace()
                guard i < bytes.count else { return Problem(offset: start, reason: "an unterminated <\(name)> tag") }
                let value: String
                if bytes[i] == 0x22 || bytes[i] == 0x27 {
                    let quote = bytes[i]
                    guard let end = next(quote, from: i + 1) else {
                        return Problem(offset: attributeStart, reason: "an unterminated value of '\(attribute)'")
                    }
                    value = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                    i = end + 1
                } else {
                    let valueStart = i
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != 0x3E { i += 1 }
                    value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                }
                if SVGScriptScan.runsScript(value) {
                    return Problem(offset: attributeStart, reason: "a javascript: or vbscript: URL in '\(attribute)'")
                }
            }
        }

        mutating func readName() -> String {
            let from = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != 0x3E, bytes[i] != 0x2F, bytes[i] != 0x3D { i += 1 }
            return String(decoding: bytes[from..<i], as: UTF8.self)
        }

        func localName(_ name: String) -> String {
            String(name.split(separator: ":").last ?? Substring(name)).lowercased()
        }

        mutating func skipSpace() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

        func next(_ byte: UInt8, from: Int? = nil) -> Int? {
            var j = from ?? i
            while j < bytes.count { if bytes[j] == byte { return j }; j += 1 }
            return nil
        }

        func starts(with text: String) -> Bool {
            let needle = Array(text.utf8)
            return i + needle.count <= bytes.count && Array(bytes[i..<(i + needle.count)]).map(lower) == needle.map(lower)
        }

        func find(_ text: String) -> Int? {
            let needle = Array(text.utf8)
            var j = i
            while j + needle.count <= bytes.count {
                if bytes[j] == needle[0], Array(bytes[j..<(j + needle.count)]) == needle { return j }
                j += 1
            }
            return nil
        }

        mutating func skip(past text: String) -> Bool {
            guard let at = find(text) else { return false }
            i = at + text.utf8.count
            return true
        }

        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        func lowercased(_ range: Range<Int>) -> String { String(decoding: bytes[range].map(lower), as: UTF8.self) }
    }

    /// True if an attribute value, read as a browser would (character references decoded,
    /// whitespace and controls dropped), holds a `javascript:` or `vbscript:` URL anywhere
    /// (`values="a;javascript:…"` of an animation included).
    static func runsScript(_ value: String) -> Bool {
        var plain = ""
        for scalar in decodeReferences(value).unicodeScalars where scalar.value > 0x20 {
            plain.unicodeScalars.append(scalar)
        }
        let lowered = plain.lowercased()
        return lowered.contains("javascript:") || lowered.contains("vbscript:")
    }

    /// XML character references and the five predefined entities.
    static func decodeReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let body = after[..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let text = named[String(body)] {
                out += text
            } else if body.hasPrefix("#x") || body.hasPrefix("#X"), let code = UInt32(body.dropFirst(2), radix: 16), let s = Unicode.Scalar(code) {
                out.unicodeScalars.append(s)
            } else if body.hasPrefix("#"), let code = UInt32(body.dropFirst()), let s = Unicode.Scalar(code) {
                out.unicodeScalars.append(s)
            } else {
                out += "&" + body + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }
}
