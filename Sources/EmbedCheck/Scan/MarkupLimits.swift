import EmbedCore

/// A linear pass over a page's bytes, before gumbo parses it, that refuses markup gumbo would
/// take quadratic time or memory to build. gumbo 0.10 (Debian's) has no depth or attribute
/// limit of its own, and several of its steps cost more than the input:
///
/// - each start tag scans the stack of open elements for a scope (100,000 nested `<div>`s:
///   5·10⁹ steps);
/// - each attribute is compared with the earlier ones of its tag (200,000 attributes: 2·10¹⁰);
/// - `<html>` and `<body>` tags merge their attributes into one element, compared the same way;
/// - formatting elements (`<b>`, `<a>`…) closed by another element's end tag are re-created
///   ("reconstructed") for every later piece of text: 200 of them and `<div>x</div>` repeated
///   make 480 KB of HTML into 8 million elements (3 GB).
///
/// So the pass follows the tokenizer exactly where it matters (tags, attributes, quoted values,
/// comments, raw-text elements) and keeps an estimate of gumbo's stack of open elements that is
/// never lower than gumbo's: it pops only what gumbo's tree construction surely pops (an end tag
/// closes its element only when no scope boundary, or for other tags no "special" element, sits
/// above it; implied closing of `<p>`, `<li>`, `<dd>`, `<option>` and headings is followed; what
/// it cannot tell, such as whether gumbo is inside `<svg>`, it takes the costly way). Past a
/// limit the page is refused as a whole with a located `input-too-complex`, before anything is
/// checked: a check never passes a page it did not read entirely.
struct MarkupLimits {
    /// Blink stops nesting at 512 levels too; a real page is a few dozen deep.
    static let maxDepth = 512
    /// Per element, counting the attributes of every `<html>` (or `<body>`) tag together.
    static let maxAttributes = 256
    /// Re-created formatting elements allowed beyond the number of start tags written.
    static let reconstructionAllowance = 10_000

    static let code = DiagnosticCode.inputTooComplex.rawValue

    struct Exceeded: Equatable {
        /// Byte offset of the tag that went past the limit.
        var offset: Int
        var message: String
    }

    /// nil when the page is within every limit.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Exceeded? {
        measure(bytes).exceeded
    }

    /// Also the deepest the estimate went (tests compare it with gumbo's real tree).
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (exceeded: Exceeded?, maxDepth: Int) {
        var scan = MarkupLimits(bytes)
        let exceeded = scan.run()
        return (exceeded, scan.stack.maxDepth)
    }

    // MARK: State

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var names = MarkupNames()
    private var stack = OpenElementEstimate()
    /// Formatting elements popped by another element's end tag: gumbo re-creates them before
    /// the next text or start tag. Keyed by name and attribute text, at most 3 each (gumbo's
    /// "Noah's Ark" clause keeps at most 3 identical ones).
    private var dormant: [(name: Int, key: Int)] = []
    private var dormantCount: [Int: Int] = [:]
    private var reconstructed = 0
    private var startTags = 0
    private var htmlAttributes = 0
    private var bodyAttributes = 0
    /// Open `<svg>` and `<math>` start tags not yet matched by their end tag. While either is
    /// positive gumbo may be in foreign content, where `<script>`, `<style>`, `<title>`… are
    /// ordinary elements and `<x/>` closes itself.
    private var openSVG = 0
    private var openMath = 0
    /// Set when an integration point (`<foreignObject>`, `<mi>`…) opens inside `<svg>`/`<math>`:
    /// HTML inside it can make gumbo ignore `</svg>`, so foreign content stays possible for good.
    private var foreignForGood = false
    /// Set when a tag that leaves foreign content comes while it may be open: `<x/>` may then
    /// be an HTML element, which ignores the `/`.
    private var maybeHTMLInForeign = false
    /// After `<frameset>` gumbo ignores most tags; only exact closes of the current element pop.
    private var framesetSeen = false
    /// After `<select>` gumbo ignores `<style>`, `<title>`… (no raw text) inside it.
    private var selectSeen = false
    /// Raw-text elements read as markup because gumbo may not treat them as raw text. If gumbo
    /// does, their text ends at `</name`, so nothing skipped (a comment, a quoted value, another
    /// raw text) may run past the next `</name`.
    private var pendingRawText: Set<Int> = []
    private var closeTags = CloseTagFinder()
    /// In foreign content `<![CDATA[` runs to `]]>`, elsewhere to `>`: read to the `>`, but
    /// nothing after may skip past the `]]>`.
    private var barrier = Int.max
    private var cdataEnd = -1
    /// Up to here gumbo may be reading text where this pass reads tags (see `pendingRawText`,
    /// `barrier`): tags there may open elements but close none.
    private var ambiguousUntil = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var foreignPossible: Bool { openSVG > 0 || openMath > 0 || foreignForGood }

    // MARK: Tokenizer

    private mutating func run() -> Exceeded? {
        let n = bytes.count
        while i < n {
            guard let lt = find(UInt8(ascii: "<"), from: i) else {
                if let over = text() { return over }
                return nil
            }
            if lt > i, let over = text() { return over }
            i = lt
            guard lt + 1 < n else { return nil }
            let c = bytes[lt + 1]
            if markupIsLetter(c) {
                if let over = startTag() { return over }
            } else if c == UInt8(ascii: "/") {
                if lt + 2 < n, markupIsLetter(bytes[lt + 2]) {
                    endTag()
                } else {
                    i = lt + 2 < n && bytes[lt + 2] == UInt8(ascii: ">") ? lt + 3 : skipPast(UInt8(ascii: ">"), from: lt + 2)
                }
            } else if c == UInt8(ascii: "!") {
                if foreignPossible && starts(with: "<![CDATA[", at: lt) { cdataBarrier(from: lt + 9) }
                i = starts(with: "<!--", at: lt) ? commentEnd(from: lt + 4) : skipPast(UInt8(ascii: ">"), from: lt + 2)
            } else if c == UInt8(ascii: "?") {
                i = skipPast(UInt8(ascii: ">"), from: lt + 2)
            } else {
                i = lt + 1
                if let over = text() { return over }
            }
        }
        return nil
    }

    /// A tag as the tokenizer reads it: name, attribute count, `/>`, and where its attributes are.
    private struct Tag {
        var name: Int
        var attributes = 0
        var selfClosing = false
        var attributeText: Range<Int>
    }

    /// From `<` or `</` at `i`; leaves `i` after the tag's `>` (or at the end of the input).
    private mutating func readTag(nameStart: Int) -> Tag {
        let n = bytes.count
        var j = nameStart
        while j < n, !markupIsSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">") { j += 1 }
        let name = names.id(bytes, nameStart..<j)
        var tag = Tag(name: name, attributeText: j..<j)
        // Attribute states of the HTML tokenizer; quoted values may hold `>`.
        while j < n {
            let c = bytes[j]
            if markupIsSpace(c) { j += 1; continue }
            if c == UInt8(ascii: ">") { tag.attributeText = tag.attributeText.lowerBound..<j; i = j + 1; return tag }
            if c == UInt8(ascii: "/") {
                if j + 1 < n, bytes[j + 1] == UInt8(ascii: ">") {
                    tag.selfClosing = true
                    tag.attributeText = tag.attributeText.lowerBound..<j
                    i = j + 2
                    return tag
                }
                j += 1
                continue
            }
            // An attribute name: its first character may be anything, even `=`.
            tag.attributes += 1
            j += 1
            while j < n, !markupIsSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "=") { j += 1 }
            while j < n, markupIsSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < n, markupIsSpace(bytes[j]) { j += 1 }
            guard j < n else { break }
            let q = bytes[j]
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                let stop = bound(from: j + 1)
                guard let close = find(q, from: j + 1, before: stop) else {
                    tag.attributeText = tag.attributeText.lowerBound..<stop
                    i = stop
                    return tag
                }
                j = close + 1
            } else {
                while j < n, !markupIsSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
            }
        }
        // The input ended inside the tag: gumbo drops it; counting it anyway only over-counts.
        tag.attributeText = tag.attributeText.lowerBound..<n
        i = n
        return tag
    }

    private mutating func startTag() -> Exceeded? {
        let at = i
        let tag = readTag(nameStart: i + 1)
        startTags += 1
        if tag.attributes > Self.maxAttributes {
            return Exceeded(offset: at, message: "an element has \(tag.attributes) attributes; the limit is \(Self.maxAttributes)")
        }
        let name = tag.name
        switch name {
        case MarkupNames.html, MarkupNames.body:
            if name == MarkupNames.html { htmlAttributes += tag.attributes } else { bodyAttributes += tag.attributes }
            let merged = max(htmlAttributes, bodyAttributes)
            if merged > Self.maxAttributes {
                return Exceeded(offset: at, message: "<\(name == MarkupNames.html ? "html" : "body")> tags give one element \(merged) attributes; the limit is \(Self.maxAttributes)")
            }
            // In `<svg>`/`<math>`, `<html>` is an ordinary element (`<body>` leaves them).
            if name == MarkupNames.body || !foreignPossible { return nil }
        case MarkupNames.head:
            return nil
        case MarkupNames.frameset:
            framesetSeen = true
        case MarkupNames.select:
            selectSeen = true
        default:
            break
        }
        if !tag.selfClosing {
            if name == MarkupNames.svg { openSVG += 1 }
            if name == MarkupNames.math { openMath += 1 }
        }
        if openSVG > 0 || openMath > 0 {
            if names.isIntegrationPoint(name) { foreignForGood = true }
            if names.leavesForeignContent(name) { maybeHTMLInForeign = true }
        }
        if !framesetSeen && !foreignPossible && at >= ambiguousUntil { closeImplied(by: name) }
        if !framesetSeen && !foreignPossible, let over = tableRow(name, at: at) { return over }
        // In foreign content `<area>`, `<tr>`… are ordinary elements that stay open.
        let void = foreignPossible ? names.isVoid(name) && names.leavesForeignContent(name)
                                   : names.isVoid(name) || names.isTablePart(name)
        let closesItself = tag.selfClosing && ((foreignPossible && !maybeHTMLInForeign) || name == MarkupNames.svg || name == MarkupNames.math)
        if !void && !closesItself {
            let key = names.isFormatting(name) ? formattingKey(name, tag.attributeText) : nil
            let foreign = foreignPossible && !names.leavesForeignContent(name)
            // A table (or template) also holds an implied row group, row and cell.
            let weight = name == MarkupNames.table || name == MarkupNames.template ? 4 : 1
            stack.push(name, weight: weight, key: key, foreign: foreign, names: names)
            if stack.depth > Self.maxDepth {
                return Exceeded(offset: at, message: "elements nest more than \(Self.maxDepth) deep")
            }
        }
        // gumbo re-creates dormant formatting elements before some start tags and before
        // text; re-creating them here, above the new element, pops them again no later than
        // gumbo would, so the count is never lower than gumbo's.
        if !dormant.isEmpty, let over = reconstruct(at: at) { return over }
        if names.rawText(name) != nil {
            if let end = rawTextEnd(after: name) {
                i = end
            } else if let raw = names.rawText(name) {
                pendingRawText.insert(name)
                ambiguousUntil = max(ambiguousUntil, closeTags.next(raw, id: name, from: i, in: bytes))
            }
        }
        return nil
    }

    private mutating func endTag() {
        let at = i
        let tag = readTag(nameStart: i + 2)
        let name = tag.name
        guard at >= ambiguousUntil else { return }
        closeElement(name)
        if name == MarkupNames.svg, openSVG > 0 { openSVG -= 1 }
        if name == MarkupNames.math, openMath > 0 { openMath -= 1 }
        if openSVG == 0 && openMath == 0 && !foreignForGood { maybeHTMLInForeign = false }
    }

    private mutating func closeElement(_ name: Int) {
        guard let index = stack.lastIndex(of: name) else { return }
        // `</form>` takes the form out without closing what it holds; `<noscript>` in `<head>`
        // is closed by any other tag; after `<frameset>` most tags were ignored.
        if framesetSeen || name == MarkupNames.form || name == MarkupNames.noscript || names.isTablePart(name) {
            if index == stack.count - 1, !names.isTablePart(name) { pop(to: index) }
            return
        }
        // A foreign element closes only through other foreign ones, and only while gumbo
        // surely is in foreign content: after `<svg><b>` gumbo has closed the `<svg>` already,
        // and `</svg>` must not close the `<b>`.
        if stack.isForeign(index), maybeHTMLInForeign || stack.topNonForeign > index { return }
        // gumbo closes these when they are "in scope" (no boundary above), any other element
        // when no special element sits above it.
        let blocker = names.closesInScope(name) ? stack.topBoundary : stack.topSpecial
        if blocker <= index { pop(to: index) }
    }

    /// Start tags that close an open element first, as gumbo does; only when gumbo surely does.
    private mutating func closeImplied(by name: Int) {
        if names.closesParagraph(name), let p = stack.lastIndex(of: MarkupNames.p), stack.topBoundary <= p {
            pop(to: p)
        }
        switch name {
        case MarkupNames.li:
            if let li = stack.lastIndex(of: MarkupNames.li), stack.topSpecialForListItem <= li { pop(to: li) }
        case MarkupNames.dd, MarkupNames.dt:
            let item = max(stack.lastIndex(of: MarkupNames.dd) ?? -1, stack.lastIndex(of: MarkupNames.dt) ?? -1)
            if item >= 0, stack.topSpecialForListItem <= item { pop(to: item) }
        case MarkupNames.option, MarkupNames.optgroup:
            if stack.top == MarkupNames.option { pop(to: stack.count - 1) }
        case MarkupNames.heading:
            if stack.top == MarkupNames.heading { pop(to: stack.count - 1) }
        case MarkupNames.button:
            if let b = stack.lastIndex(of: MarkupNames.button), stack.topBoundary <= b { pop(to: b) }
        case MarkupNames.a, MarkupNames.nobr:
            if let f = stack.lastIndex(of: name), stack.topSpecial <= f { pop(to: f) }
        default:
            break
        }
    }

    /// Row and cell tags make gumbo clear its stack back to the table, and the formatting
    /// elements it pops there are re-created by the next text: `<tr>x` repeated re-creates
    /// them all each time. Whether gumbo is in the table at that point cannot be told here, so
    /// nothing is popped; the formatting elements above the table are counted as re-created.
    private mutating func tableRow(_ name: Int, at offset: Int) -> Exceeded? {
        guard names.isTablePart(name), let t = stack.lastIndex(of: MarkupNames.table),
              (stack.lastIndex(of: MarkupNames.template) ?? -1) < t else { return nil }
        reconstructed += stack.formattingAbove(t)
        return overReconstructed(at: offset)
    }

    private func overReconstructed(at offset: Int) -> Exceeded? {
        guard reconstructed > startTags + Self.reconstructionAllowance else { return nil }
        return Exceeded(offset: offset, message: "unclosed formatting elements would be re-created \(reconstructed) times (more than the page's \(startTags) start tags + \(Self.reconstructionAllowance))")
    }

    /// Pops entries from the top down to `index` (inclusive); formatting elements other than
    /// the one closed become dormant.
    private mutating func pop(to index: Int) {
        while stack.count > index {
            let entry = stack.pop(names: names)
            guard stack.count > index, let key = entry.key else { continue }
            if dormantCount[key, default: 0] < 3 {
                dormantCount[key, default: 0] += 1
                dormant.append((entry.name, key))
            }
        }
    }

    private mutating func reconstruct(at offset: Int) -> Exceeded? {
        reconstructed += dormant.count
        for entry in dormant { stack.push(entry.name, weight: 1, key: entry.key, names: names) }
        dormant.removeAll(keepingCapacity: true)
        dormantCount.removeAll(keepingCapacity: true)
        if let over = overReconstructed(at: offset) { return over }
        if stack.depth > Self.maxDepth {
            return Exceeded(offset: offset, message: "elements nest more than \(Self.maxDepth) deep (with re-created formatting elements)")
        }
        return nil
    }

    /// Text between tags: gumbo re-creates dormant formatting elements before inserting it.
    private mutating func text() -> Exceeded? {
        let next = find(UInt8(ascii: "<"), from: i) ?? bytes.count
        let at = i
        i = next
        return dormant.isEmpty ? nil : reconstruct(at: at)
    }

    private func formattingKey(_ name: Int, _ attributes: Range<Int>) -> Int {
        var hasher = Hasher()
        hasher.combine(name)
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[attributes])))
        return hasher.finalize()
    }

    /// Where the raw text of `<script>`, `<style>`, `<title>`… ends: at the first `</name`
    /// followed by a space, `/` or `>`, which is never after gumbo's end. nil when gumbo may
    /// read the content as markup (foreign content, `<select>`, `<frameset>`), which is then
    /// scanned as markup: more tags counted, never fewer.
    private mutating func rawTextEnd(after name: Int) -> Int? {
        // In a template the insertion mode may ignore the tag (`<template><col><xmp>`).
        guard !foreignPossible, !framesetSeen, stack.lastIndex(of: MarkupNames.template) == nil,
              let raw = names.rawText(name) else { return nil }
        if selectSeen && name != MarkupNames.script { return nil }
        if name == MarkupNames.plaintext { return bound(from: i) }
        if name == MarkupNames.script { return scriptEnd(from: i) }
        return min(closeTags.next(raw, id: name, from: i, in: bytes), bound(from: i))
    }

    /// How far a skip (a comment, a quoted value, raw text) from `start` may go: to the next
    /// `</name` of a raw-text element read as markup, or the CDATA barrier. Every search stops
    /// there, so each byte is searched once and the pass stays linear.
    private mutating func bound(from start: Int) -> Int {
        var stop = bytes.count
        if barrier > start { stop = min(stop, barrier) }
        for name in pendingRawText {
            guard let raw = names.rawText(name) else { continue }
            stop = min(stop, closeTags.next(raw, id: name, from: start, in: bytes))
        }
        return stop
    }

    private mutating func cdataBarrier(from start: Int) {
        var j = start
        // The next `]]>` at or after `start`, remembered: many `<![CDATA[` search it once.
        if cdataEnd >= start { barrier = cdataEnd; ambiguousUntil = max(ambiguousUntil, barrier); return }
        cdataEnd = bytes.count
        while let close = find(UInt8(ascii: "]"), from: j) {
            if close + 2 < bytes.count, bytes[close + 1] == UInt8(ascii: "]"), bytes[close + 2] == UInt8(ascii: ">") {
                cdataEnd = close + 3
                break
            }
            j = close + 1
        }
        barrier = cdataEnd
        ambiguousUntil = max(ambiguousUntil, barrier)
    }

    // MARK: Bytes

    private func find(_ byte: UInt8, from start: Int, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    private mutating func skipPast(_ byte: UInt8, from start: Int) -> Int {
        let stop = bound(from: start)
        return find(byte, from: start, before: stop).map { $0 + 1 } ?? stop
    }

    /// A comment ends at the first `-->` or `--!>` (or right away for `<!-->` and `<!--->`).
    private mutating func commentEnd(from start: Int) -> Int {
        let n = bytes.count
        if start < n, bytes[start] == UInt8(ascii: ">") { return start + 1 }
        if start + 1 < n, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: ">") { return start + 2 }
        let stop = bound(from: start)
        var j = start
        while let dash = find(UInt8(ascii: "-"), from: j, before: stop) {
            guard dash + 2 < n else { return stop }
            if bytes[dash + 1] == UInt8(ascii: "-") {
                if bytes[dash + 2] == UInt8(ascii: ">") { return dash + 3 }
                if bytes[dash + 2] == UInt8(ascii: "!"), dash + 3 < n, bytes[dash + 3] == UInt8(ascii: ">") { return dash + 4 }
            }
            j = dash + 1
        }
        return stop
    }

    /// Script text ends at `</script`, except inside `<!--` … `-->` after a `<script`
    /// ("double-escaped"): the tokenizer's script data states, exactly.
    private mutating func scriptEnd(from start: Int) -> Int {
        let n = bytes.count
        let stop = bound(from: start)
        let script: [UInt8] = Array("script".utf8)
        func tag(_ at: Int) -> Bool {   // `script` + delimiter at `at`
            guard at + 6 < n else { return false }
            for k in 0..<6 where markupLower(bytes[at + k]) != script[k] { return false }
            let d = bytes[at + 6]
            return markupIsSpace(d) || d == UInt8(ascii: "/") || d == UInt8(ascii: ">")
        }
        var escaped = false, doubleEscaped = false
        var j = start
        while j < stop {
            let c = bytes[j]
            if c == UInt8(ascii: "<") {
                if j + 1 < n, bytes[j + 1] == UInt8(ascii: "/"), tag(j + 2) {
                    if !doubleEscaped { return j }
                    doubleEscaped = false
                    j += 8
                    continue
                }
                if !escaped, starts(with: "<!--", at: j) {
                    // `<!-->` and `<!--->` open and close at once.
                    j += 4
                    while j < n, bytes[j] == UInt8(ascii: "-") { j += 1 }
                    if j < n, bytes[j] == UInt8(ascii: ">") { j += 1 } else { escaped = true }
                    continue
                }
                if escaped, !doubleEscaped, tag(j + 1) { doubleEscaped = true; j += 7; continue }
            } else if escaped, c == UInt8(ascii: "-"), starts(with: "-->", at: j) {
                escaped = false
                doubleEscaped = false
                j += 3
                continue
            }
            j += 1
        }
        return stop
    }

    private func starts(with prefix: StaticString, at offset: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[offset + k] != p[k] { return false }
        return true
    }
}

func markupIsLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
func markupIsSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
func markupLower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MarkupLimits {
    /// The refusal, located at the tag that went past the limit.
    static func finding(_ exceeded: Exceeded, in bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        let (line, column) = SourceText.lineAndColumn(ofByte: exceeded.offset, in: Array(bytes))
        return Finding(rule: code, severity: .error, message: exceeded.message + "; the page was not checked",
                       hint: "a page this deep or with this many attributes is refused whole, so nothing in it goes unchecked",
                       position: Position(line: line, column: column), elementOrder: -1)
    }
}
