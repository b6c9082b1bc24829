#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the next `</name` (any case) followed by a space, `/` or `>`: where the raw text of
/// `<script>`, `<style>`, `<title>`… ends at the earliest. Remembers the last hit per name, so
/// asking again from a later position costs only the bytes not searched yet.
struct CloseTagFinder {
    private var found: [Int: Int] = [:]

    mutating func next(_ name: [UInt8], id: Int, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let hit = found[id], hit >= start { return hit }
        let hit = Self.first(name, from: start, in: bytes)
        found[id] = hit
        return hit
    }

    /// The offset of the `<`, or `bytes.count` when there is none.
    static func first(_ name: [UInt8], from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return n }
        var j = start
        while j < n, let hit = memchr(base + j, Int32(UInt8(ascii: "<")), n - j) {
            let lt = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            j = lt + 1
            guard lt + 2 + name.count < n, bytes[lt + 1] == UInt8(ascii: "/") else { continue }
            var same = true
            for (k, c) in name.enumerated() where markupLower(bytes[lt + 2 + k]) != c { same = false; break }
            let after = bytes[lt + 2 + name.count]
            if same && (markupIsSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">")) { return lt }
        }
        return n
    }
}
