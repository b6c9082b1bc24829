/// Byte-level writing and reading for the build cache file: it is read before every build
/// and holds a few lines per tenant, so it avoids String splitting and interpolation.
struct CacheBytesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes += text.utf8 }
    mutating func append(byte: UInt8) { bytes.append(byte) }
    mutating func append(bytes more: some Sequence<UInt8>) { bytes += more }

    mutating func append(_ value: UInt64) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes += digits.reversed()
    }

    mutating func append(signed value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(value.magnitude)
    }
}

/// Reads fields from a line of the cache file, left to right.
struct CacheBytesReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int, to end: Int) {
        self.bytes = bytes
        position = start
        self.end = end
    }

    var atEnd: Bool { position >= end }

    /// A reader over the next field (up to `separator` or the end), consuming the separator.
    mutating func reader(until separator: UInt8) -> CacheBytesReader {
        let start = position
        while position < end && bytes[position] != separator { position += 1 }
        let found = CacheBytesReader(bytes, from: start, to: position)
        if position < end { position += 1 }
        return found
    }

    /// The bytes up to `separator` (or the end), consuming the separator.
    mutating func field(until separator: UInt8) -> ArraySlice<UInt8> {
        let start = position
        while position < end && bytes[position] != separator { position += 1 }
        let found = bytes[start..<position]
        if position < end { position += 1 }
        return found
    }

    mutating func string(until separator: UInt8) -> String {
        String(decoding: field(until: separator), as: UTF8.self)
    }

    /// A decimal integer (optionally negative) followed by `separator` or the end.
    mutating func integer(until separator: UInt8) -> Int64? {
        let digits = field(until: separator)
        guard !digits.isEmpty else { return nil }
        var negative = false
        var value: Int64 = 0
        for (offset, byte) in digits.enumerated() {
            if offset == 0 && byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}
