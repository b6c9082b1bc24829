import Foundation

/// Reads the manifest in exactly the layout `Manifest.encoded()` writes (one `"key": "value"`
/// a line, blocks of two-space indented names) without building a dictionary of its
/// thousands of entries: tenant keys are read, and each tenant's input and output lines are
/// only located (`ManifestChunk`), to be copied into the next manifest if the tenant is reused.
/// Returns nil for anything else, including any escaped string or a tenant whose lines are not
/// contiguous, so the caller can fall back to a real JSON parser.
enum ManifestLines {
    struct Index {
        var tenantKeys: [String: String] = [:]
        /// Tenant id → its entries in `inputs` (template inputs, under no tenant, are `sharedInputs`).
        var inputs: [String: ManifestChunk] = [:]
        var outputs: [String: ManifestChunk] = [:]
        /// Inputs under no tenant (the templates in effect), as they appear.
        var sharedInputs: [ManifestChunk] = []
        /// Top-level string fields: `generator`, and a shard's record (`ShardRecord`).
        var fields: [String: String] = [:]
    }

    static func index(_ data: Data) -> Index? {
        index([UInt8](data))
    }

    static func index(_ bytes: [UInt8]) -> Index? {
        guard bytes.first == UInt8(ascii: "{"), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: bytes, buffer: buffer)
            return reader.run()
        }
    }

    /// One pass over the lines, by byte offsets (the manifest of a large site has tens of
    /// thousands of lines: no per-line allocation).
    private struct Reader {
        let bytes: [UInt8]
        let buffer: UnsafeBufferPointer<UInt8>
        var index = Index()
        var block: String? = nil
        /// The chunk being read: its tenant and first key (offsets) and its line bytes so far.
        var chunk: (tenant: Range<Int>, firstKey: Range<Int>, start: Int, end: Int)? = nil

        init(bytes: [UInt8], buffer: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.buffer = buffer
        }

        mutating func run() -> Index? {
            var lineStart = 0
            while lineStart < buffer.count {
                let lineEnd = find(0x0A, in: lineStart..<buffer.count) ?? buffer.count
                let line = lineStart..<lineEnd
                lineStart = lineEnd + 1
                if let (key, value) = entry(line, indent: 4) {
                    guard let name = block else { return nil }
                    if name == "tenants" {
                        index.tenantKeys[string(key)] = string(value)
                    } else if name == "inputs" || name == "outputs" {
                        let tenant = name == "inputs" ? tenant(ofInput: key) : tenant(ofOutput: key)
                        if let open = chunk, equal(open.tenant, tenant) {
                            chunk!.end = value.upperBound + 1
                        } else {
                            guard closeChunk() else { return nil }
                            chunk = (tenant, key, key.lowerBound - 1, value.upperBound + 1)   // from quote to quote
                        }
                    }
                } else if let name = blockName(line) {
                    guard block == nil else { return nil }
                    block = name
                } else if equal(line, "  }") || equal(line, "  },") {
                    guard block != nil, closeChunk() else { return nil }
                    block = nil
                } else if block == nil, let (key, value) = entry(line, indent: 2) {
                    index.fields[string(key)] = string(value)
                } else if !(equal(line, "{") || equal(line, "}") || line.isEmpty) {
                    return nil
                }
            }
            return block == nil ? index : nil
        }

        mutating func closeChunk() -> Bool {
            guard let open = chunk else { return true }
            chunk = nil
            let tenant = string(open.tenant)
            let found = ManifestChunk(firstKey: string(open.firstKey), lines: bytes[open.start..<open.end])
            if block == "inputs" {
                if tenant.isEmpty {
                    index.sharedInputs.append(found)
                    return true
                }
                return index.inputs.updateValue(found, forKey: tenant) == nil
            }
            return index.outputs.updateValue(found, forKey: tenant) == nil
        }

        /// `    "path": "hash",` (indent 4, in a block) or `  "name": "value",` (indent 2, at the
        /// top) → the ranges of key and value.
        func entry(_ line: Range<Int>, indent: Int) -> (Range<Int>, Range<Int>)? {
            guard line.count > indent + 1, starts(line, indent == 4 ? "    \"" : "  \"") else { return nil }
            var end = line.upperBound
            if buffer[end - 1] == UInt8(ascii: ",") { end -= 1 }
            let keyStart = line.lowerBound + indent + 1
            guard end - 1 > keyStart, buffer[end - 1] == UInt8(ascii: "\""),
                  let close = find(UInt8(ascii: "\""), in: keyStart..<(end - 1)),
                  close + 4 <= end - 1, starts(close..<end, "\": \"") else { return nil }
            let value = (close + 4)..<(end - 1)
            guard find(UInt8(ascii: "\""), in: value) == nil else { return nil }
            return (keyStart..<close, value)
        }

        /// `  "inputs": {` → `inputs`.
        func blockName(_ line: Range<Int>) -> String? {
            guard line.count >= 7, starts(line, "  \""), equal((line.upperBound - 4)..<line.upperBound, "\": {") else { return nil }
            let inner = (line.lowerBound + 3)..<(line.upperBound - 4)
            guard find(UInt8(ascii: "\""), in: inner) == nil else { return nil }
            return string(inner)
        }

        /// The rules of `ManifestLines.tenant(ofOutput:)` and `tenant(ofInput:)`, as offsets.
        func tenant(ofOutput key: Range<Int>) -> Range<Int> { ManifestLines.tenant(ofOutput: bytes[key]).indices }
        func tenant(ofInput key: Range<Int>) -> Range<Int> { ManifestLines.tenant(ofInput: bytes[key]).indices }

        func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
            guard !range.isEmpty, let found = memchr(buffer.baseAddress! + range.lowerBound, Int32(byte), range.count) else { return nil }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && memcmp(buffer.baseAddress! + a.lowerBound, buffer.baseAddress! + b.lowerBound, a.count) == 0
        }

        func equal(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count == text.utf8CodeUnitCount && starts(range, text)
        }

        func starts(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count >= text.utf8CodeUnitCount && memcmp(buffer.baseAddress! + range.lowerBound, text.utf8Start, text.utf8CodeUnitCount) == 0
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    /// `acme/index.html` → `acme`.
    static func tenant(ofOutput key: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let slash = key.firstIndex(of: UInt8(ascii: "/")) else { return key }
        return key[..<slash]
    }

    /// `content/acme/index.md` → `acme`; template inputs belong to no tenant (empty).
    static func tenant(ofInput key: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard key.starts(with: "content/".utf8) else { return key[key.startIndex..<key.startIndex] }
        let rest = key.dropFirst("content/".utf8.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return rest }
        return rest[..<slash]
    }
}
