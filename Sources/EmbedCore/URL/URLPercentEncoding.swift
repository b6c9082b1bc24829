// Percent-encode sets and percent-encoding/decoding helpers from the URL Standard
// (https://url.spec.whatwg.org/#percent-encoded-bytes).
//
// Every set includes the C0 controls and every code point above U+007E, so the
// output of encoding is always ASCII; only the ASCII members differ between sets.

/// A URL Standard percent-encode set, stored as a 128-bit membership table for ASCII.
struct URLPercentEncodeSet: Sendable {
    /// Membership bits for U+0000..U+003F.
    private let low: UInt64
    /// Membership bits for U+0040..U+007F.
    private let high: UInt64

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// This set plus the given ASCII characters.
    private func adding(_ characters: String) -> URLPercentEncodeSet {
        var low = self.low
        var high = self.high
        for scalar in characters.unicodeScalars {
            let value = scalar.value
            if value < 0x40 {
                low |= 1 << UInt64(value)
            } else if value < 0x80 {
                high |= 1 << UInt64(value - 0x40)
            }
        }
        return URLPercentEncodeSet(low: low, high: high)
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 0x40 { return low & (1 << UInt64(value)) != 0 }
        if value < 0x7F { return high & (1 << UInt64(value - 0x40)) != 0 }
        return true  // U+007F and everything above U+007E
    }

    /// C0 controls and all code points greater than U+007E.
    static let c0Control = URLPercentEncodeSet(low: 0x0000_0000_FFFF_FFFF, high: 0)
    static let fragment = c0Control.adding(" \"<>`")
    static let query = c0Control.adding(" \"#<>")
    static let specialQuery = query.adding("'")
    static let path = query.adding("?^`{}")
    static let userinfo = path.adding("/:;=@[\\]|")
}

/// Percent-encoding helpers, namespaced so they cannot clash with other EmbedCore code.
enum URLPercentEncoding {
    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `%XX` for one byte.
    @inline(__always)
    static func appendByte(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(0x25)  // %
        output.append(upperHexDigits[Int(byte >> 4)])
        output.append(upperHexDigits[Int(byte & 0x0F)])
    }

    /// UTF-8 percent-encodes `scalar` using `set` and appends the result to `output`.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, using set: URLPercentEncodeSet, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            if set.contains(value) {
                appendByte(UInt8(value), to: &output)
            } else {
                output.append(UInt8(value))
            }
            return
        }
        // Non-ASCII is in every set: encode each UTF-8 byte.
        for byte in scalar.utf8 {
            appendByte(byte, to: &output)
        }
    }

    /// The UTF-8 bytes of a sequence of scalars.
    static func utf8Bytes<S: Sequence>(of scalars: S) -> [UInt8] where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        return bytes
    }

    @inline(__always)
    static func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// The URL Standard's "percent-decode": `%XX` with two hex digits becomes a byte; anything else is kept.
    static func decode(_ input: [UInt8]) -> [UInt8] {
        guard input.contains(0x25) else { return input }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x25, index + 2 < input.count,
               let high = hexDigitValue(input[index + 1]), let low = hexDigitValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
