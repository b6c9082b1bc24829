import CGumbo

/// Tag names seen by `MarkupLimits`, as small integers, and the classes of the HTML
/// tree-construction rules they belong to. `h1`…`h6` are one name: gumbo closes any heading
/// with any heading's end tag.
struct MarkupNames {
    private var ids: [[UInt8]: Int] = [:]
    private var classes: [UInt32] = []
    private var rawTextNames: [Int: [UInt8]] = [:]

    // Fixed ids, in the order of `known` below.
    static let html = 0, body = 1, head = 2, frameset = 3, select = 4, svg = 5, math = 6, p = 7, li = 8, dd = 9, dt = 10,
               option = 11, optgroup = 12, heading = 13, button = 14, a = 15, nobr = 16, table = 17, template = 18,
               form = 19, script = 20, plaintext = 21, noscript = 22, unknown = 23

    private struct Class: OptionSet {
        let rawValue: UInt32
        static let special = Class(rawValue: 1 << 0)
        /// Ends a scope: end tags do not close elements below it.
        static let boundary = Class(rawValue: 1 << 1)
        static let closesInScope = Class(rawValue: 1 << 2)
        static let closesParagraph = Class(rawValue: 1 << 3)
        static let void = Class(rawValue: 1 << 4)
        static let tablePart = Class(rawValue: 1 << 5)
        static let formatting = Class(rawValue: 1 << 6)
        static let leavesForeign = Class(rawValue: 1 << 7)
        static let integrationPoint = Class(rawValue: 1 << 8)
        static let rawText = Class(rawValue: 1 << 9)
        /// Special, but `<li>` and `<dd>` look past it for an open item.
        static let passedByListItem = Class(rawValue: 1 << 10)
    }

    private static let known = ["html", "body", "head", "frameset", "select", "svg", "math", "p", "li", "dd", "dt",
                                "option", "optgroup", "h1", "button", "a", "nobr", "table", "template", "form", "script", "plaintext",
                                "noscript", "<unknown>"]

    private static let classLists: [(Class, String)] = [
        (.special, """
            address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup \
            dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 head header hgroup hr \
            html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p \
            param plaintext pre script search section select source style summary table tbody td template textarea tfoot \
            th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc
            """),
        (.boundary, "applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc title button ol ul select"),
        (.closesInScope, """
            address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer \
            header hgroup listing main menu nav ol pre search section summary ul li dd dt p h1 applet marquee object table \
            template select
            """),
        (.closesParagraph, """
            address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header \
            hgroup main menu nav ol p search section summary ul h1 pre listing form plaintext hr xmp li dd dt
            """),
        (.void, "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr"),
        (.tablePart, "caption col colgroup tbody td tfoot th thead tr"),
        (.formatting, "a b big code em font i nobr s small strike strong tt u"),
        (.leavesForeign, """
            b big blockquote body br center code dd div dl dt em embed h1 head hr i img li listing menu meta nobr ol p \
            pre ruby s small span strong strike sub sup table tt u ul var font
            """),
        (.integrationPoint, "foreignobject desc title mi mo mn ms mtext annotation-xml"),
        (.rawText, "script style xmp iframe noembed noframes title textarea plaintext"),
        (.passedByListItem, "address div p"),
    ]

    /// Every page starts from the same table: built once, copied (copy-on-write) per page.
    /// Building it per page cost more than the rest of `MarkupLimits`.
    private static let initial = MarkupNames(building: ())

    init() {
        self = Self.initial
    }

    private init(building: Void) {
        for name in Self.known { _ = intern(Array(name.utf8)) }
        for (cls, list) in Self.classLists {
            for name in list.split(separator: " ") where Self.gumboKnows(Array(name.utf8)) {
                let id = intern(Array(name.utf8))
                classes[id] |= cls.rawValue
                if cls == .rawText { rawTextNames[id] = Array(name.utf8) }
            }
        }
    }

    private mutating func intern(_ name: [UInt8]) -> Int {
        if let id = ids[name] { return id }
        let id = classes.count
        ids[name] = id
        classes.append(0)
        return id
    }

    /// The id of the tag name in `bytes[range]`, ASCII-lowercased as the tokenizer does.
    /// gumbo 0.10 compares elements by its tag enum, so every name it does not know (`<g>`,
    /// `<my-widget>`, `<dialog>`) is one name here too: `</g>` closes the nearest of them.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var name = [UInt8]()
        name.reserveCapacity(range.count)
        for k in range { name.append(markupLower(bytes[k])) }
        if name.count == 2, name[0] == UInt8(ascii: "h"), name[1] >= UInt8(ascii: "1"), name[1] <= UInt8(ascii: "6") {
            return Self.heading
        }
        if let id = ids[name] { return id }
        guard Self.gumboKnows(name) else {
            ids[name] = Self.unknown
            return Self.unknown
        }
        return intern(name)
    }

    /// `dialog`, `search`, `g`… are unknown to gumbo 0.10: plain elements with no rules.
    private static func gumboKnows(_ name: [UInt8]) -> Bool {
        name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { gumbo_tagn_enum($0.baseAddress, UInt32($0.count)) != GUMBO_TAG_UNKNOWN }
        }
    }

    private func has(_ id: Int, _ cls: Class) -> Bool { id < classes.count && Class(rawValue: classes[id]).contains(cls) }

    func isSpecial(_ id: Int) -> Bool { has(id, .special) }
    func isBoundary(_ id: Int) -> Bool { has(id, .boundary) }
    func closesInScope(_ id: Int) -> Bool { has(id, .closesInScope) }
    func closesParagraph(_ id: Int) -> Bool { has(id, .closesParagraph) }
    func isVoid(_ id: Int) -> Bool { has(id, .void) }
    func isTablePart(_ id: Int) -> Bool { has(id, .tablePart) }
    func isFormatting(_ id: Int) -> Bool { has(id, .formatting) }
    func leavesForeignContent(_ id: Int) -> Bool { has(id, .leavesForeign) }
    func isIntegrationPoint(_ id: Int) -> Bool { has(id, .integrationPoint) }
    func isPassedByListItem(_ id: Int) -> Bool { has(id, .passedByListItem) }

    /// The lowercase name whose end tag ends the element's raw text, for raw-text elements.
    func rawText(_ id: Int) -> [UInt8]? {
        rawTextNames[id]
    }
}
