import EmbedCore
import EmbedVendors

/// A parsed HTML page reduced to what the rules need, in document order. It holds no parser
/// memory, and is built, checked and dropped on one thread, one file at a time.
public final class Page {
    /// The elements rules can see (see `PageElement`), in document order.
    public let elements: [PageElement]
    /// The `embedsmith-disable-next-element` comments of the page.
    let suppressions: [Suppression]
    private let indexByName: [String: [PageElement]]
    private let base: PageBase

    /// The page's own URL when it says so (`<link rel="canonical">`), else a stand-in
    /// (`https://page.embedsmith.invalid/`) that only relative URLs share.
    public var pageURL: WebURL { base.pageURL }
    /// What relative URLs resolve against: `<base href>` if any, else `pageURL`.
    public var baseURL: WebURL { base.baseURL }
    /// True when `pageURL` came from the page itself.
    public let knowsItsURL: Bool
    /// The CSP `<meta>` elements a browser applies.
    let csp: PageCSP
    /// How `_headers` serves the page, when a `_headers` file governs it (`attach`).
    private(set) var headers: PageHeaders?
    /// The sets of policies a browser can enforce on the page: its `<meta>` policies plus the
    /// header policies of one host and URL form, each distinct set once (just the metas when
    /// no `_headers` governs the page).
    private(set) lazy var policyVariants: [[EnforcedPolicy]] = Page.collectPolicyVariants(metas: csp.metas, headers: headers)
    /// What those policies let injected script do (`CSPStrength`), over every variant, shared by
    /// the CSP strength rules.
    private(set) lazy var cspWeaknesses: [LocatedWeakness] = Page.collectWeaknesses(policyVariants)
    /// Frames the host bridge navigates at run time (frame id -> URL), when the page loads the
    /// bridge and its settings block says so; see `HostBridge.runTimeFrameSources`.
    public private(set) lazy var runTimeFrameSources: [String: String] = Page.collectRunTimeFrameSources(index: indexByName)
    /// Links and frames with a URL that parsed (the vendor rules read them).
    public private(set) lazy var linkedURLs: [LinkedURL] = Page.collectLinkedURLs(elements)

    init(elements: [PageElement], suppressions: [Suppression], base: PageBase) {
        var index: [String: [PageElement]] = [:]
        for element in elements { index[element.name, default: []].append(element) }
        var knows = false
        for link in index["link"] ?? [] {
            guard link.isHTML, Page.relTokens(link).contains("canonical"), let href = link.value("href"),
                  let url = try? WebURL.parse(href.trimmingHTMLSpace), url.scheme == "https" || url.scheme == "http" else { continue }
            base.pageURL = url
            base.baseURL = url
            knows = true
            break
        }
        if let element = (index["base"] ?? []).first(where: { $0.isHTML && $0.has("href") }),
           let href = element.value("href"), let url = try? WebURL.parse(href.trimmingHTMLSpace, base: base.pageURL) {
            base.baseURL = url
        }
        self.elements = elements
        self.indexByName = index
        self.suppressions = suppressions
        self.base = base
        self.knowsItsURL = knows
        self.csp = PageCSP(metaElements: index["meta"] ?? [])
    }

    /// Reads the page's headers from the `_headers` file that governs it; before any rule runs.
    func attach(_ context: HeadersContext) {
        headers = PageHeaders(context: context, pageURL: knowsItsURL ? pageURL : nil)
    }

    static func collectPolicyVariants(metas: [PageCSP.Meta], headers: PageHeaders?) -> [[EnforcedPolicy]] {
        let fromMetas = metas.map { EnforcedPolicy(policy: $0.policy, source: .meta($0)) }
        guard let headers else { return [fromMetas] }
        var variants: [[EnforcedPolicy]] = []
        var seen: Set<String> = []
        for served in headers.served {
            // The same policy text from another rule (/p and /p.html) is the same variant.
            let variant = fromMetas + served.policies
            if seen.insert(served.policies.map(\.text).joined(separator: "|")).inserted { variants.append(variant) }
        }
        return variants
    }

    static func collectWeaknesses(_ variants: [[EnforcedPolicy]]) -> [LocatedWeakness] {
        var found: [LocatedWeakness] = []
        var seen: Set<String> = []
        for variant in variants where !variant.isEmpty {
            for weakness in CSPStrength.weaknesses(variant.map(\.policy)) {
                let policy = weakness.directive == nil ? nil : variant[weakness.policy]
                let key = "\(weakness.category.rawValue)|\(weakness.directive ?? "")|\(weakness.source ?? "")|\(policy?.identity ?? "")"
                if seen.insert(key).inserted { found.append(LocatedWeakness(weakness: weakness, policy: policy)) }
            }
        }
        return found
    }

    static func collectRunTimeFrameSources(index: [String: [PageElement]]) -> [String: String] {
        let scripts = (index["script"] ?? []).filter(\.isHTML)
        guard scripts.contains(where: { HostBridge.isBridgeScript(path: $0.attribute("src")?.url?.url?.pathname ?? "") }),
              let settings = scripts.first(where: { $0.value("id") == HostBridge.settingsElementId }) else { return [:] }
        return HostBridge.runTimeFrameSources(settingsJSON: settings.text)
    }

    /// Elements with this tag name, in document order (HTML and foreign elements alike).
    public func elements(named name: String) -> [PageElement] { indexByName[name] ?? [] }

    /// The `<html>` element (the parser always creates it); document-level findings go there.
    public var documentElement: PageElement {
        if let html = indexByName["html"]?.first { return html }
        return elements.first ?? PageElement(order: 0, name: "html", namespace: .html, attributes: [],
                                             position: Position(line: 1, column: 1), inHead: false, text: "", silenced: [])
    }

    /// The serialized origin of the page (`https://support.acme.example`, or the stand-in's).
    public var origin: String { pageURL.origin }

    /// `rel` tokens, ASCII-lowercased.
    static func relTokens(_ element: PageElement) -> [String] {
        (element.value("rel") ?? "").asciiLowercased.splitOnHTMLSpace.map(String.init)
    }
}
