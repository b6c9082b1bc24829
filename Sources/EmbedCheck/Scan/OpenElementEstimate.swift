/// `MarkupLimits`' estimate of gumbo's stack of open elements. Each entry remembers the
/// nearest scope boundary and special element at or below it, so "is anything above this
/// element that stops an end tag?" is one comparison, and each name's open entries are
/// listed, so "which is the nearest open `<li>`?" is one look-up: every tag costs O(1).
struct OpenElementEstimate {
    struct Entry {
        let name: Int
        /// `<table>` stands for the table and its implied row group, row and cell.
        let weight: Int
        /// For formatting elements: name and attributes, as gumbo compares them.
        let key: Int?
        let boundary: Int
        let special: Int
        let specialForListItem: Int
        /// Pushed while gumbo may be in foreign content (`<svg>`, `<math>` and what they hold).
        let foreign: Bool
        let nonForeign: Int
        /// Formatting entries at or below this one.
        let formatting: Int
    }

    private var entries: [Entry] = []
    private var positions: [[Int]] = []
    private(set) var depth = 0
    private(set) var maxDepth = 0

    var count: Int { entries.count }
    var top: Int? { entries.last?.name }
    /// Index of the topmost scope boundary, or -1.
    var topBoundary: Int { entries.last?.boundary ?? -1 }
    /// Index of the topmost special element, or -1.
    var topSpecial: Int { entries.last?.special ?? -1 }
    /// Index of the topmost special element other than `address`, `div`, `p`, or -1.
    var topSpecialForListItem: Int { entries.last?.specialForListItem ?? -1 }

    /// Index of the topmost entry not pushed in foreign content, or -1.
    var topNonForeign: Int { entries.last?.nonForeign ?? -1 }

    func isForeign(_ index: Int) -> Bool { entries[index].foreign }

    /// Formatting entries above `index`.
    func formattingAbove(_ index: Int) -> Int { (entries.last?.formatting ?? 0) - entries[index].formatting }

    func lastIndex(of name: Int) -> Int? { name < positions.count ? positions[name].last : nil }

    mutating func push(_ name: Int, weight: Int, key: Int?, foreign: Bool = false, names: MarkupNames) {
        let index = entries.count
        let special = names.isSpecial(name)
        entries.append(Entry(name: name, weight: weight, key: key,
                             boundary: names.isBoundary(name) ? index : topBoundary,
                             special: special ? index : topSpecial,
                             specialForListItem: special && !names.isPassedByListItem(name) ? index : topSpecialForListItem,
                             foreign: foreign, nonForeign: foreign ? topNonForeign : index,
                             formatting: (entries.last?.formatting ?? 0) + (key == nil ? 0 : 1)))
        if name >= positions.count { positions += Array(repeating: [], count: name - positions.count + 1) }
        positions[name].append(index)
        depth += weight
        maxDepth = max(maxDepth, depth)
    }

    mutating func pop(names: MarkupNames) -> Entry {
        let entry = entries.removeLast()
        positions[entry.name].removeLast()
        depth -= entry.weight
        return entry
    }
}
