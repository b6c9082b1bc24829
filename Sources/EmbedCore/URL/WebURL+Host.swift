// Host parsing and serialization (https://url.spec.whatwg.org/#host-parsing).
//
// Deliberate gap: domain to ASCII is implemented only for hosts that are ASCII after
// percent-decoding. Anything that would need UTS #46 mapping is refused with
// `URLParseError.unsupported`, never guessed at.

/// A parsed URL host.
enum URLHost: Hashable, Sendable {
    /// An ASCII, lowercased domain.
    case domain(String)
    case ipv4(UInt32)
    /// Eight 16-bit pieces.
    case ipv6([UInt16])
    /// A percent-encoded opaque host of a non-special URL.
    case opaque(String)
    /// The empty host (e.g. `file:///`, `sc://`).
    case empty

    var serialized: String {
        switch self {
        case .domain(let name), .opaque(let name): return name
        case .empty: return ""
        case .ipv4(let address): return URLHostParser.serializeIPv4(address)
        case .ipv6(let pieces): return "[" + URLHostParser.serializeIPv6(pieces) + "]"
        }
    }
}

enum URLHostParser {
    // MARK: Host parser

    /// The host parser. `isOpaque` is true for non-special URLs.
    static func parse(_ input: ArraySlice<Unicode.Scalar>, isOpaque: Bool) throws(URLParseError) -> URLHost {
        if input.first == "[" {
            guard input.count >= 2, input.last == "]" else {
                throw .invalid("IPv6 host is missing its closing bracket")
            }
            let pieces = try parseIPv6(input.dropFirst().dropLast())
            return .ipv6(pieces)
        }
        if isOpaque {
            return try parseOpaqueHost(input)
        }
        return try parseDomain(input)
    }

    // MARK: Opaque hosts

    static func isForbiddenHostCodePoint(_ value: UInt32) -> Bool {
        switch value {
        case 0x00, 0x09, 0x0A, 0x0D, 0x20, 0x23, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x7C:
            return true
        default:
            return false
        }
    }

    static func isForbiddenDomainCodePoint(_ value: UInt32) -> Bool {
        isForbiddenHostCodePoint(value) || value <= 0x1F || value == 0x25 || value == 0x7F
    }

    static func parseOpaqueHost(_ input: ArraySlice<Unicode.Scalar>) throws(URLParseError) -> URLHost {
        if input.isEmpty { return .empty }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        for scalar in input {
            if isForbiddenHostCodePoint(scalar.value) {
                throw .invalid("opaque host contains a forbidden code point")
            }
            URLPercentEncoding.append(scalar, using: .c0Control, to: &output)
        }
        return .opaque(String(decoding: output, as: UTF8.self))
    }

    // MARK: Domains

    /// Percent-decodes the host, runs the ASCII-only part of domain to ASCII, then the IPv4 checks.
    static func parseDomain(_ input: ArraySlice<Unicode.Scalar>) throws(URLParseError) -> URLHost {
        let decoded = URLPercentEncoding.decode(URLPercentEncoding.utf8Bytes(of: input))

        if decoded.contains(where: { $0 >= 0x80 }) {
            // Non-ASCII needs UTS #46. Only reject outright what fails whatever the mapping does:
            // ASCII forbidden code points survive mapping, and U+FFFD (also what invalid UTF-8
            // decodes to) is disallowed by IDNA.
            let scalars = String(decoding: decoded, as: UTF8.self).unicodeScalars
            for scalar in scalars {
                if scalar.value < 0x80, isForbiddenDomainCodePoint(scalar.value) {
                    throw .invalid("host contains a forbidden domain code point")
                }
                if scalar.value == 0xFFFD {
                    throw .invalid("host contains U+FFFD or invalid UTF-8")
                }
            }
            throw .unsupported("IDNA host (non-ASCII domain) is not supported")
        }

        // ASCII fast path of domain to ASCII: lowercase, then check forbidden domain code points.
        var ascii = decoded
        for index in ascii.indices where ascii[index] >= 0x41 && ascii[index] <= 0x5A {
            ascii[index] += 0x20
        }
        if ascii.isEmpty {
            throw .invalid("empty host")
        }
        for byte in ascii where isForbiddenDomainCodePoint(UInt32(byte)) {
            throw .invalid("host contains a forbidden domain code point")
        }

        if endsInANumber(ascii) {
            guard let address = parseIPv4(ascii) else {
                throw .invalid("invalid IPv4 address")
            }
            return .ipv4(address)
        }

        // Current WPT data accepts ASCII "xn--" labels as they are ("https://xn--/",
        // "http://a.b.c.xn--pokxncvks"); older data rejected some. We accept a label only if it
        // is well-formed Punycode and otherwise refuse with .unsupported (not .invalid), which
        // never contradicts either reading.
        for label in ascii.split(separator: 0x2E, omittingEmptySubsequences: true)
        where label.count >= 4 && label.starts(with: [0x78, 0x6E, 0x2D, 0x2D]) {
            if Punycode.decode(label.dropFirst(4)) == nil {
                throw .unsupported("IDNA host: \"xn--\" label is not valid Punycode")
            }
        }

        return .domain(String(decoding: ascii, as: UTF8.self))
    }

    // MARK: IPv4

    /// The "ends in a number" checker.
    static func endsInANumber(_ input: [UInt8]) -> Bool {
        var parts = input.split(separator: 0x2E, omittingEmptySubsequences: false)
        if let last = parts.last, last.isEmpty {
            if parts.count == 1 { return false }
            parts.removeLast()
        }
        guard let last = parts.last else { return false }
        if !last.isEmpty && last.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return true
        }
        return parseIPv4Number(last) != nil
    }

    /// Values are saturated here: anything this large is rejected by every caller anyway.
    private static let ipv4NumberCap: UInt64 = 1 << 40

    /// The IPv4 number parser: decimal, `0x` hex, or leading-`0` octal. Nil on failure.
    static func parseIPv4Number(_ input: ArraySlice<UInt8>) -> UInt64? {
        if input.isEmpty { return nil }
        var digits = input
        var radix: UInt64 = 10
        if digits.count >= 2, digits.first == 0x30,
           digits[digits.startIndex + 1] == 0x78 || digits[digits.startIndex + 1] == 0x58 {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count >= 2, digits.first == 0x30 {
            digits = digits.dropFirst()
            radix = 8
        }
        if digits.isEmpty { return 0 }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte - 0x30)
            case 0x61...0x66: digit = UInt64(byte - 0x61 + 10)
            case 0x41...0x46: digit = UInt64(byte - 0x41 + 10)
            default: return nil
            }
            if digit >= radix { return nil }
            value = min(value * radix + digit, ipv4NumberCap)
        }
        return value
    }

    /// The IPv4 parser. Nil on failure.
    static func parseIPv4(_ input: [UInt8]) -> UInt32? {
        var parts = input.split(separator: 0x2E, omittingEmptySubsequences: false)
        if let last = parts.last, last.isEmpty, parts.count > 1 {
            parts.removeLast()
        }
        if parts.count > 4 { return nil }
        var numbers: [UInt64] = []
        numbers.reserveCapacity(parts.count)
        for part in parts {
            guard let number = parseIPv4Number(part) else { return nil }
            numbers.append(number)
        }
        guard let last = numbers.last else { return nil }
        if numbers.dropLast().contains(where: { $0 > 255 }) { return nil }
        if last >= UInt64(1) << (8 * UInt64(5 - numbers.count)) { return nil }
        var address = last
        for (counter, number) in numbers.dropLast().enumerated() {
            address += number << (8 * UInt64(3 - counter))
        }
        return UInt32(truncatingIfNeeded: address)
    }

    static func serializeIPv4(_ address: UInt32) -> String {
        "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
    }

    // MARK: IPv6

    /// The IPv6 parser (input without the brackets).
    static func parseIPv6(_ input: ArraySlice<Unicode.Scalar>) throws(URLParseError) -> [UInt16] {
        let codePoints = Array(input)
        let count = codePoints.count
        var address = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int? = nil
        var pointer = 0
        func at(_ index: Int) -> UInt32? { index < count ? codePoints[index].value : nil }

        if at(pointer) == 0x3A {
            guard at(pointer + 1) == 0x3A else { throw .invalid("IPv6 address starts with a single colon") }
            pointer += 2
            pieceIndex += 1
            compress = pieceIndex
        }

        while let c = at(pointer) {
            if pieceIndex == 8 { throw .invalid("IPv6 address has too many pieces") }
            if c == 0x3A {
                if compress != nil { throw .invalid("IPv6 address compresses twice") }
                pointer += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt32 = 0
            var length = 0
            while length < 4, let digitScalar = at(pointer), digitScalar < 0x80,
                  let digit = URLPercentEncoding.hexDigitValue(UInt8(digitScalar)) {
                value = value * 0x10 + UInt32(digit)
                pointer += 1
                length += 1
            }
            if at(pointer) == 0x2E {
                // Embedded IPv4 in the last two pieces.
                if length == 0 { throw .invalid("IPv6 embedded IPv4 starts with a dot") }
                pointer -= length
                if pieceIndex > 6 { throw .invalid("IPv6 embedded IPv4 does not fit") }
                var numbersSeen = 0
                while at(pointer) != nil {
                    var ipv4Piece: UInt32? = nil
                    if numbersSeen > 0 {
                        if at(pointer) == 0x2E && numbersSeen < 4 {
                            pointer += 1
                        } else {
                            throw .invalid("IPv6 embedded IPv4 is malformed")
                        }
                    }
                    guard let first = at(pointer), (0x30...0x39).contains(first) else {
                        throw .invalid("IPv6 embedded IPv4 part is not a number")
                    }
                    while let digitScalar = at(pointer), digitScalar >= 0x30, digitScalar <= 0x39 {
                        let number = digitScalar - 0x30
                        if let piece = ipv4Piece {
                            if piece == 0 { throw .invalid("IPv6 embedded IPv4 part has a leading zero") }
                            ipv4Piece = piece * 10 + number
                        } else {
                            ipv4Piece = number
                        }
                        if let piece = ipv4Piece, piece > 255 {
                            throw .invalid("IPv6 embedded IPv4 part is out of range")
                        }
                        pointer += 1
                    }
                    address[pieceIndex] = address[pieceIndex] &* 0x100 &+ UInt16(ipv4Piece ?? 0)
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 {
                        pieceIndex += 1
                    }
                }
                if numbersSeen != 4 { throw .invalid("IPv6 embedded IPv4 is too short") }
                break
            } else if at(pointer) == 0x3A {
                pointer += 1
                if at(pointer) == nil { throw .invalid("IPv6 address ends with a colon") }
            } else if at(pointer) != nil {
                throw .invalid("IPv6 address contains an invalid code point")
            }
            address[pieceIndex] = UInt16(value)
            pieceIndex += 1
        }

        if let compress {
            var swaps = pieceIndex - compress
            pieceIndex = 7
            while pieceIndex != 0 && swaps > 0 {
                address.swapAt(pieceIndex, compress + swaps - 1)
                pieceIndex -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            throw .invalid("IPv6 address is too short")
        }
        return address
    }

    /// The IPv6 serializer: lowercase hex, the first longest run of two or more zero pieces becomes "::".
    static func serializeIPv6(_ pieces: [UInt16]) -> String {
        var compress: Int? = nil
        var bestLength = 1
        var index = 0
        while index < pieces.count {
            if pieces[index] == 0 {
                var end = index
                while end < pieces.count && pieces[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestLength = end - index
                    compress = index
                }
                index = end
            } else {
                index += 1
            }
        }

        var output = ""
        var ignoreZero = false
        for pieceIndex in pieces.indices {
            if ignoreZero && pieces[pieceIndex] == 0 { continue }
            ignoreZero = false
            if compress == pieceIndex {
                output += pieceIndex == 0 ? "::" : ":"
                ignoreZero = true
                continue
            }
            output += String(pieces[pieceIndex], radix: 16)
            if pieceIndex != pieces.count - 1 { output += ":" }
        }
        return output
    }
}
