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
        /// Tenant id → its entries in `inputs` (template inputs, under no tenant, are left out).
        var inputs: [String: ManifestChunk] = [:]
        var outputs: [String: ManifestChunk] = [:]
    }

    static func index(_ data: Data) -> Index? {
        let bytes = [UInt8](data)
        guard bytes.first == UInt8(ascii: "{"), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        var index = Index()
        var block: String? = nil
        // The chunk being read: its tenant, first key and line bytes so far.
        var chunk: (tenant: ArraySlice<UInt8>, firstKey: ArraySlice<UInt8>, start: Int, end: Int)? = nil

        func closeChunk() -> Bool {
            guard let open = chunk else { return true }
            chunk = nil
            let tenant = String(decoding: open.tenant, as: UTF8.self)
            let found = ManifestChunk(firstKey: String(decoding: open.firstKey, as: UTF8.self), lines: bytes[open.start..<open.end])
            if block == "inputs" {
                if tenant.isEmpty { return true }
                return index.inputs.updateValue(found, forKey: tenant) == nil
            }
            return index.outputs.updateValue(found, forKey: tenant) == nil
        }

        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            defer { lineStart = lineEnd + 1 }
            if let name = blockName(line) {
                guard block == nil else { return nil }
                block = name
            } else if let (key, value) = entry(line) {
                guard let name = block else { return nil }
                if name == "tenants" {
                    index.tenantKeys[String(decoding: key, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
                } else if name == "inputs" || name == "outputs" {
                    let tenant = name == "inputs" ? tenant(ofInput: key) : tenant(ofOutput: key)
                    let entryEnd = value.endIndex + 1   // the closing quote
                    if let open = chunk, open.tenant.elementsEqual(tenant) {
                        chunk!.end = entryEnd
                    } else {
                        guard closeChunk() else { return nil }
                        chunk = (tenant, key, key.startIndex - 1, entryEnd)
                    }
                }
            } else if line.elementsEqual("  }".utf8) || line.elementsEqual("  },".utf8) {
                guard block != nil, closeChunk() else { return nil }
                block = nil
            } else if !(line.elementsEqual("{".utf8) || line.elementsEqual("}".utf8) || line.isEmpty || isGenerator(line)) {
                return nil
            }
        }
        return block == nil ? index : nil
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

    /// `  "inputs": {` → `inputs`.
    private static func blockName(_ line: ArraySlice<UInt8>) -> String? {
        guard line.starts(with: "  \"".utf8), line.reversed().starts(with: "{ :\"".utf8) else { return nil }
        let inner = line.dropFirst(3).dropLast(4)
        guard !inner.contains(UInt8(ascii: "\"")) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }

    /// `    "path": "hash",` → (path, hash), as slices of the line.
    private static func entry(_ line: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>)? {
        guard line.starts(with: "    \"".utf8) else { return nil }
        var rest = line.dropFirst(5)
        if rest.last == UInt8(ascii: ",") { rest = rest.dropLast() }
        guard rest.last == UInt8(ascii: "\""), let close = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let key = rest[rest.startIndex..<close]
        let tail = rest[close...]
        guard tail.starts(with: "\": \"".utf8) else { return nil }
        let value = tail.dropFirst(4).dropLast()
        guard !value.contains(UInt8(ascii: "\"")) else { return nil }
        return (key, value)
    }

    private static func isGenerator(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: "  \"generator\": \"".utf8)
    }
}
