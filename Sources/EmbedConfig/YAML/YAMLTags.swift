import EmbedCore

/// The YAML tags embedsmith reads, and why every other one is refused.
///
/// A tag asks the reader to build a value of some type: `!!binary`, `!!timestamp`, `!!set`,
/// `!include`, `!!python/object/apply:…`, `!custom`. embedsmith's schema decides every type
/// itself, so such a tag would be silently dropped (the value read as text), or, by another
/// tool reading the same file, honoured. Either way the file does not mean what it says: it is
/// refused (`yaml-tag`), located at the tag.
///
/// Accepted, because they change nothing embedsmith does not honour: `!!str` and the
/// non-specific `!` on a scalar (the value is text, never read as a number, boolean or null),
/// `!!map` on a mapping, `!!seq` on a list. `!!int`, `!!float`, `!!bool` and `!!null` are
/// refused: the schema reads numbers and booleans from plain values, and a tag that could make
/// a quoted value one would be a second way to write the same thing. `%TAG` directives are
/// refused too, so a tag always means what it reads as.
enum YAMLTags {
    static let corePrefix = "tag:yaml.org,2002:"

    enum Kind {
        case scalar, mapping, list

        var name: String {
            switch self {
            case .scalar: return "a value"
            case .mapping: return "a mapping"
            case .list: return "a list"
            }
        }
    }

    /// Why a resolved tag (libyaml's, e.g. `tag:yaml.org,2002:str`, `!custom`, `!`) cannot stand
    /// on a node of this kind; nil when it may.
    static func refusal(of tag: String, on kind: Kind) -> String? {
        switch (tag, kind) {
        case ("!", _), (corePrefix + "str", .scalar), (corePrefix + "map", .mapping), (corePrefix + "seq", .list):
            return nil
        case (corePrefix + "str", _), (corePrefix + "map", _), (corePrefix + "seq", _):
            return "the tag '\(shown(tag))' cannot stand on \(kind.name)"
        default:
            return "the YAML tag '\(shown(tag))' is not supported (only !!str, !!map and !!seq are)"
        }
    }

    /// Whether a tag token, as written (`!!str`: handle `!!`, suffix `str`; `!<…>` and `!`:
    /// handle empty), can be accepted on some node; what the scanner checks before nodes exist.
    static func mayAccept(handle: String, suffix: String) -> Bool {
        switch handle {
        case "!!": return ["str", "map", "seq"].contains(suffix)
        case "": return suffix == "!" || [corePrefix + "str", corePrefix + "map", corePrefix + "seq"].contains(suffix)
        default: return false
        }
    }

    /// A tag as a person would write it: `!!str` rather than `tag:yaml.org,2002:str`, cut short.
    static func shown(_ tag: String) -> String {
        let written = tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
        return DisplayText.excerpt(written, limit: 40)
    }

    static let hint = "remove the tag: embedsmith's schema decides each value's type (quote a value to make it text)"
}
