import EmbedCore
import EmbedVendors

/// Cross-origin `<script src>` carries `integrity` (and `crossorigin`, without which the browser
/// refuses the script), unless the vendor serves a file whose content changes under the same
/// URL (loaderAgent.js, the Engage tenant script) so no hash can pin it.
public struct ScriptIntegrityRule: CheckRule {
    public let id = "script-integrity"
    public let summary = "cross-origin scripts carry a valid integrity hash and crossorigin, where the content is fixed"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for script in page.elements(named: "script") where script.isHTML {
            guard let src = script.attribute("src"), let resolved = src.url, let url = resolved.url else { continue }
            let integrity = script.attribute("integrity")
            if let integrity, let bad = Self.invalidMetadata(integrity.value) {
                out.error(Message.malformed(bad), on: script, at: integrity.position, hint: Message.formatHint)
                continue
            }
            guard !resolved.isSameOrigin(as: page), url.scheme == "https" || url.scheme == "http" else { continue }
            if integrity == nil {
                if VendorScripts.mutableScript(at: url) != nil { continue }
                out.error(Message.missing(url.origin), on: script, at: src.position, hint: Message.missingHint)
            } else if !script.has("crossorigin") {
                out.error(Message.noCORS, on: script, at: integrity?.position, hint: Message.corsHint)
            }
        }
    }

    /// The first token that is not `sha256-`, `sha384-` or `sha512-` base64 (options after `?` allowed).
    static func invalidMetadata(_ value: String) -> String? {
        let tokens = value.splitOnHTMLSpace
        if tokens.isEmpty { return "(empty)" }
        for token in tokens {
            let body = token.split(separator: "?", maxSplits: 1).first ?? token
            guard let dash = body.firstIndex(of: "-"),
                  ["sha256", "sha384", "sha512"].contains(body[..<dash].asciiLowercased) else { return String(token) }
            let digest = body[body.index(after: dash)...]
            let expected = ["sha256": 44, "sha384": 64, "sha512": 88][body[..<dash].asciiLowercased] ?? 0
            guard digest.count == expected, digest.utf8.allSatisfy({ Self.isBase64($0) }) else { return String(token) }
        }
        return nil
    }

    static func isBase64(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2F || b == 0x3D
            || b == 0x2D || b == 0x5F
    }
}

private enum Message {
    static func malformed(_ token: String) -> String {
        "integrity '\(token.clipped(40))' is not a sha256/sha384/sha512 base64 digest: the browser refuses the script"
    }
    static let formatHint = "write integrity=\"sha384-<base64 of the file's SHA-384>\" (openssl dgst -sha384 -binary FILE | openssl base64 -A)"
    static func missing(_ origin: String) -> String {
        "script from \(origin) has no integrity: if that server or CDN is compromised, its code runs in this page"
    }
    static let missingHint = "add integrity=\"sha384-…\" crossorigin=\"anonymous\", or host a reviewed copy next to the page"
    static let noCORS = "cross-origin script with integrity but no crossorigin attribute: the browser cannot verify it and refuses it"
    static let corsHint = "add crossorigin=\"anonymous\""
}
