import EmbedCore
import Foundation

/// Lets a rebuild skip reading tenants whose files have not changed (git's index idea).
///
/// For each tenant it remembers a signature of its files' `stat` facts (path, device, inode,
/// size, modification and change times) and the digest of their contents. When the files
/// have the same signature again, the digest is known without reading them. The change time
/// (`ctime`) cannot be set from user space and moves on every write, rename or `touch`.
///
/// Racy files: timestamps have a granularity, so a file changed again within the same tick as
/// the stamp we saw would keep its stamp. A tenant is only remembered when all its files are
/// older than `settleSeconds` at the time they were examined; fresh ones are read every time
/// until they settle.
///
/// The cache lives beside the output folder (`.site.build-cache`, next to the build lock),
/// not in it: it is local state, never published and never compared with a clean build. It is
/// only a hint: a missing, stale or unreadable cache means reading the files.
struct InputStatCache: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var signature: String
        var digest: String
    }

    static let settleSeconds = 2
    private static let header = "embedsmith-stat-cache 2"

    /// The file as read. Only each line's tenant id is read up front; a line is parsed when
    /// its tenant asks for it, on the thread building that tenant, and an unchanged line is
    /// written back as it was.
    private var bytes: [UInt8] = []
    private var entryLines: [String: Range<Int>] = [:]
    private var layoutLines: [String: Range<Int>] = [:]
    /// What this build found, replacing the lines read (nil: forget the tenant).
    private var newEntries: [String: Entry?] = [:]
    private var newLayouts: [String: TenantLayout?] = [:]

    init() {}

    /// `.site.build-cache` beside `site/`.
    static func path(forOutput output: URL) -> String {
        output.deletingLastPathComponent().path + "/." + output.lastPathComponent + ".build-cache"
    }

    func entry(for id: String) -> Entry? {
        if let found = newEntries[id] { return found }
        guard let range = entryLines[id] else { return nil }
        var line = CacheBytesReader(bytes, from: range.lowerBound, to: range.upperBound)
        let signature = line.string(until: 0x09)
        let digest = line.string(until: 0x09)
        return line.atEnd && !signature.isEmpty && !digest.isEmpty ? Entry(signature: signature, digest: digest) : nil
    }

    func layout(for id: String) -> TenantLayout? {
        if let found = newLayouts[id] { return found }
        guard let range = layoutLines[id] else { return nil }
        var line = CacheBytesReader(bytes, from: range.lowerBound, to: range.upperBound)
        guard let layout = TenantLayout(reading: &line), line.atEnd else { return nil }
        return layout
    }

    mutating func setEntry(_ entry: Entry?, for id: String) { newEntries[id] = .some(entry) }
    mutating func setLayout(_ layout: TenantLayout?, for id: String) { newLayouts[id] = .some(layout) }

    /// Every tenant id the cache knows.
    var ids: Set<String> {
        Set(entryLines.keys).union(layoutLines.keys).union(newEntries.keys).union(newLayouts.keys)
    }

    /// Forgets every tenant not in `ids` (deleted tenants).
    mutating func keep(only ids: Set<String>) {
        for id in self.ids where !ids.contains(id) {
            setEntry(nil, for: id)
            setLayout(nil, for: id)
        }
    }

    /// All entries and layouts, parsed (for tests and comparisons).
    var entries: [String: Entry] {
        get { ids.reduce(into: [:]) { all, id in all[id] = entry(for: id) } }
        set { for id in ids.union(newValue.keys) { setEntry(newValue[id], for: id) } }
    }
    var layouts: [String: TenantLayout] {
        ids.reduce(into: [:]) { all, id in all[id] = layout(for: id) }
    }

    static func == (a: InputStatCache, b: InputStatCache) -> Bool {
        a.entries == b.entries && a.layouts == b.layouts
    }

    /// The cache for `contentRoot` (an absolute path), or an empty one. Lines are
    /// `K id signature digest` (contents) and `L id folders pages assets` (layout), tab-separated.
    static func read(_ path: String, contentRoot: String) -> InputStatCache {
        guard let bytes = FileBytes.bytes(path) else { return InputStatCache() }
        let expected = Array("\(header) \(contentRoot)\n".utf8)
        guard bytes.starts(with: expected) else { return InputStatCache() }
        var cache = InputStatCache()
        cache.bytes = bytes
        var rest = CacheBytesReader(bytes, from: expected.count, to: bytes.count)
        while !rest.atEnd {
            var line = rest.reader(until: 0x0A)
            let kind = line.field(until: 0x09)
            let id = line.string(until: 0x09)
            guard kind.count == 1, !id.isEmpty else { return InputStatCache() }
            switch kind.first {
            case UInt8(ascii: "K"): cache.entryLines[id] = line.position..<line.end
            case UInt8(ascii: "L"): cache.layoutLines[id] = line.position..<line.end
            default: return InputStatCache()
            }
        }
        return cache
    }

    /// Written to a temporary file and renamed over the old one: a reader never sees half.
    func write(to path: String, contentRoot: String) throws {
        var out = CacheBytesWriter()
        out.append("\(Self.header) \(contentRoot)\n")
        let sorted = ids.filter { !$0.utf8.contains { $0 == 0x09 || $0 == 0x0A } }.sorted()
        for id in sorted {
            if case .some(let changed) = newEntries[id] {
                if let changed { out.append("K\t\(id)\t\(changed.signature)\t\(changed.digest)\n") }
            } else if let range = entryLines[id] {
                out.append("K\t\(id)\t")
                out.append(bytes: bytes[range])
                out.append(byte: 0x0A)
            }
        }
        for id in sorted {
            if case .some(let changed) = newLayouts[id] {
                guard let changed else { continue }
                var line = CacheBytesWriter()
                line.append("L\t\(id)\t")
                guard changed.write(to: &line) else { continue }
                line.append(byte: 0x0A)
                out.append(bytes: line.bytes)
            } else if let range = layoutLines[id] {
                out.append("L\t\(id)\t")
                out.append(bytes: bytes[range])
                out.append(byte: 0x0A)
            }
        }
        let temporary = path + ".tmp"
        try StagingWriter.writeFile(out.bytes, to: temporary)
        guard rename(temporary, path) == 0 else {
            let error = POSIXError.fromErrno
            unlink(temporary)
            throw error
        }
    }
}
