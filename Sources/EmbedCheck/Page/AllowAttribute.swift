/// `<iframe allow>` parsed as browsers do ("parse policy directive"): split on `;`, then on
/// ASCII whitespace; the first token is the feature, the rest its allowlist.
struct AllowAttribute {
    struct Directive {
        var feature: Substring
        var allowlist: [Substring]
    }

    let directives: [Directive]

    init(_ value: String) {
        directives = value.split(separator: ";").compactMap { piece in
            let tokens = piece.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            guard let feature = tokens.first else { return nil }
            return Directive(feature: feature, allowlist: Array(tokens.dropFirst()))
        }
    }
}
