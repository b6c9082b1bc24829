import EmbedCore
import Foundation

/// Proves, before any rendering, that a Mustache template cannot emit a value in a context
/// where HTML escaping is not enough (Go html/template's idea, reduced to what our templates
/// need). It follows the HTML tokenizer far enough to know, at every `{{tag}}`, whether it
/// sits in text, in a quoted attribute (and which one), in a tag, in a comment or in
/// script/style.
enum TemplateSafetyCheck {
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "cite", "data", "background",
                                             "manifest", "icon", "xmlns", "srcset", "ping", "longdesc", "codebase"]
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]

    enum State: Equatable {
        case text
        case tag                      // inside `<name ...`, between attributes
        case attributeName(String)
        case beforeValue(String)
        case quotedValue(String, Character, atStart: Bool)
        case unquotedValue(String)
        case comment
        case rawText(String)
    }

    static func check(_ template: String, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let chars = Array(template)
        var i = 0
        var line = 1, column = 1
        var state = State.text
        var tagName = ""
        var readingTagName = false
        // Open sections with where they were opened, so an unclosed one is reported at its start.
        // swift-mustache parses sections recursively: their count bounds the nesting it will see.
        var openSections: [(name: String, tag: String, at: SourceLocation)] = []
        let maxSectionDepth = 32

        func advance(_ n: Int = 1) {
            for _ in 0..<n where i < chars.count {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func starts(_ s: String) -> Bool {
            let p = Array(s)
            guard i + p.count <= chars.count else { return false }
            for k in 0..<p.count where chars[i + k].lowercased() != p[k].lowercased() { return false }
            return true
        }
        func fail(_ message: String, at location: SourceLocation) {
            diagnostics.append(.error(.templateUnsafe, message, at: location))
        }

        func checkRaw(_ name: String, state: State, at here: SourceLocation) {
            guard TemplateVariables.kind(of: name) == .trustedHTML else {
                fail("'{{{\(name)}}}' would print '\(name)' without escaping; only tool-produced HTML (content, head, component, toc, bodyEnd) may be unescaped", at: here)
                return
            }
            if state != .text { fail("'\(name)' is HTML and may only stand where HTML text can", at: here) }
        }

        func checkEscaped(_ name: String, state: State, at here: SourceLocation) {
            let kind = TemplateVariables.kind(of: name)
            if kind == .trustedHTML {
                fail("'\(name)' is HTML: write {{{\(name)}}} (it would be escaped twice otherwise)", at: here)
                return
            }
            switch state {
            case .text:
                break
            case .quotedValue(let attribute, _, let atStart):
                if attribute.hasPrefix("on") || attribute == "style" || attribute == "srcdoc" {
                    fail("'{{\(name)}}' inside the '\(attribute)' attribute: values may not reach JavaScript, CSS or srcdoc", at: here)
                } else if urlAttributes.contains(attribute) {
                    if kind != .url {
                        fail("'{{\(name)}}' in the URL attribute '\(attribute)': only URLs built by embedsmith (page.url, page.root, href, tenant.logo, tenant.home) may go there", at: here)
                    } else if !atStart {
                        fail("'{{\(name)}}' must be the whole value of '\(attribute)' (a URL cannot be assembled in a template)", at: here)
                    }
                } else if ["sandbox", "allow", "rel", "target", "http-equiv", "referrerpolicy", "type", "integrity"].contains(attribute) {
                    fail("'{{\(name)}}' inside '\(attribute)': that attribute only takes values the tool chooses", at: here)
                }
            case .unquotedValue(let attribute), .beforeValue(let attribute):
                fail("'{{\(name)}}' in the unquoted value of '\(attribute)': quote the attribute with \"", at: here)
            case .tag, .attributeName:
                fail("'{{\(name)}}' inside a tag: values cannot become attribute names", at: here)
            case .comment:
                fail("'{{\(name)}}' inside an HTML comment", at: here)
            case .rawText(let element):
                fail("'{{\(name)}}' inside <\(element)>: values never go into scripts or styles", at: here)
            }
        }
        while i < chars.count {
            if starts("{{") {
                let here = SourceLocation(file: file, line: line, column: column)
                let triple = starts("{{{")
                let closer = triple ? "}}}" : "}}"
                var j = i + (triple ? 3 : 2)
                var body = ""
                while j < chars.count, !String(chars[j..<min(chars.count, j + closer.count)]).elementsEqual(closer) {
                    body.append(chars[j]); j += 1
                }
                if j >= chars.count {
                    fail("unclosed mustache tag", at: here)
                    break
                }
                let tag = body.trimmingCharacters(in: .whitespaces)
                let sigil = tag.first
                switch sigil {
                case "!"?:
                    break
                case "#"?, "^"?, "/"?:
                    if case .rawText = state { fail("sections are not allowed inside <script> or <style>", at: here) }
                    if state == .comment { fail("sections are not allowed inside HTML comments", at: here) }
                    let sectionName = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                    if sigil == "/" {
                        if let open = openSections.popLast() {
                            if open.name != sectionName {
                                diagnostics.append(.error(.templateSyntax, "'{{/\(sectionName)}}' closes '\(open.tag)', opened at \(open.at.line):\(open.at.column)", at: here,
                                                          hint: "close sections in the reverse order of opening"))
                                return diagnostics
                            }
                        } else {
                            diagnostics.append(.error(.templateSyntax, "'{{/\(sectionName)}}' closes a section that is not open", at: here))
                            return diagnostics
                        }
                    } else {
                        openSections.append((sectionName, "{{\(sigil!)\(sectionName)}}", here))
                        if openSections.count > maxSectionDepth {
                            diagnostics.append(.error(.templateSyntax, "sections nested deeper than \(maxSectionDepth) levels", at: here))
                            return diagnostics
                        }
                    }
                case ">"?:
                    if state != .text { fail("partials may only be included where HTML text can stand", at: here) }
                case "%"?:
                    fail("pragmas ({{% ... }}) are not allowed: they can switch escaping off", at: here)
                case "="?:
                    fail("changing delimiters ({{= ... =}}) is not allowed", at: here)
                case "&"?:
                    checkRaw(String(tag.dropFirst()).trimmingCharacters(in: .whitespaces), state: state, at: here)
                default:
                    if triple {
                        checkRaw(tag, state: state, at: here)
                    } else {
                        checkEscaped(tag, state: state, at: here)
                    }
                }
                advance(j + closer.count - i)
                if case .quotedValue(let name, let q, _) = state { state = .quotedValue(name, q, atStart: false) }
                continue
            }
            let c = chars[i]
            switch state {
            case .text:
                if starts("<!--") { state = .comment; advance(4); continue }
                if c == "<", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "/" {
                    state = .tag; tagName = ""; readingTagName = true
                    advance(chars[i + 1] == "/" ? 2 : 1)
                    continue
                }
            case .comment:
                if starts("-->") { state = .text; advance(3); continue }
            case .rawText(let name):
                if starts("</" + name) { state = .text; advance(2 + name.count); continue }
            case .tag:
                if readingTagName {
                    if c.isLetter || c.isNumber || c == "-" { tagName.append(Character(c.lowercased())); advance(); continue }
                    readingTagName = false
                }
                if c == ">" {
                    state = rawTextElements.contains(tagName) ? .rawText(tagName) : .text
                    advance(); continue
                }
                if c.isLetter || c == "-" || c == ":" || c == "_" { state = .attributeName(String(c).lowercased()); advance(); continue }
            case .attributeName(let name):
                if c == "=" { state = .beforeValue(name); advance(); continue }
                if c == ">" { state = rawTextElements.contains(tagName) ? .rawText(tagName) : .text; advance(); continue }
                if c.isWhitespace || c == "/" { state = .tag; advance(); continue }
                state = .attributeName(name + String(c).lowercased())
            case .beforeValue(let name):
                if c == "\"" || c == "'" { state = .quotedValue(name, c, atStart: true); advance(); continue }
                if !c.isWhitespace { state = .unquotedValue(name); continue }
            case .quotedValue(let name, let q, _):
                if c == q { state = .tag; advance(); continue }
                state = .quotedValue(name, q, atStart: false)
            case .unquotedValue:
                if c.isWhitespace { state = .tag; advance(); continue }
                if c == ">" { state = rawTextElements.contains(tagName) ? .rawText(tagName) : .text; advance(); continue }
            }
            advance()
        }
        if let open = openSections.last {
            diagnostics.append(.error(.templateSyntax, "section '\(open.tag)' is never closed", at: open.at,
                                      hint: "add {{/\(open.name)}} where the section ends"))
        }
        return diagnostics
    }
}
