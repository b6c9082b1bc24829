import CGumbo

/// Lowercase names of the tags gumbo knows, indexed by `GumboTag` raw value (built once).
enum GumboTagNames {
    static let table: [String] = {
        var names: [String] = []
        let count = Int(GUMBO_TAG_LAST.rawValue)
        names.reserveCapacity(count)
        for raw in 0..<count {
            if let name = gumbo_normalized_tagname(GumboTag(rawValue: UInt32(raw))) {
                names.append(String(cString: name).lowercased())
            } else {
                names.append("")
            }
        }
        return names
    }()

    static func name(of element: GumboElement) -> String {
        let raw = Int(element.tag.rawValue)
        if element.tag != GUMBO_TAG_UNKNOWN, raw < table.count, !table[raw].isEmpty { return table[raw] }
        return HTMLDocument.tagName(element)
    }
}
