// Punycode decoding (RFC 3492, section 6.2), used only to check that an ASCII "xn--"
// host label is well-formed. Decoding follows the RFC's reference procedure exactly,
// including its overflow checks, so hostile labels fail instead of trapping.

enum Punycode {
    private static let base: UInt32 = 36
    private static let tMin: UInt32 = 1
    private static let tMax: UInt32 = 26
    private static let skew: UInt32 = 38
    private static let damp: UInt32 = 700
    private static let initialBias: UInt32 = 72
    private static let initialN: UInt32 = 0x80
    private static let delimiter: UInt8 = 0x2D  // "-"

    /// Longer inputs are refused: insertion makes decoding quadratic in the label length.
    static let maxInputLength = 1024

    /// Decodes the part of a label after "xn--". Nil if it is not valid Punycode
    /// (or longer than `maxInputLength`).
    static func decode(_ input: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
        guard input.count <= maxInputLength else { return nil }
        let bytes = Array(input)
        var output: [UInt32] = []

        // Basic code points come before the last delimiter, if there is one.
        var consumed = 0
        if let lastDelimiter = bytes.lastIndex(of: delimiter) {
            for byte in bytes[..<lastDelimiter] {
                guard byte < 0x80 else { return nil }
                output.append(UInt32(byte))
            }
            consumed = lastDelimiter > 0 ? lastDelimiter + 1 : 0
        }

        var n = initialN
        var i: UInt32 = 0
        var bias = initialBias
        while consumed < bytes.count {
            let oldI = i
            var w: UInt32 = 1
            var k = base
            while true {
                guard consumed < bytes.count, let digit = digitValue(bytes[consumed]) else { return nil }
                consumed += 1
                if digit > (UInt32.max - i) / w { return nil }
                i += digit * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                if w > UInt32.max / (base - t) { return nil }
                w *= base - t
                k += base
            }
            let length = UInt32(output.count + 1)
            bias = adapt(delta: i - oldI, numPoints: length, firstTime: oldI == 0)
            if i / length > UInt32.max - n { return nil }
            n += i / length
            i %= length
            guard Unicode.Scalar(n) != nil else { return nil }
            output.insert(n, at: Int(i))
            i += 1
        }
        return output.compactMap(Unicode.Scalar.init)
    }

    private static func digitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30) + 26
        case 0x41...0x5A: return UInt32(byte - 0x41)
        case 0x61...0x7A: return UInt32(byte - 0x61)
        default: return nil
        }
    }

    private static func adapt(delta: UInt32, numPoints: UInt32, firstTime: Bool) -> UInt32 {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / numPoints
        var k: UInt32 = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (((base - tMin + 1) * delta) / (delta + skew))
    }
}
