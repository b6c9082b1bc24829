import EmbedCore

/// No script inside inline SVG: `<script>` in the SVG namespace (inline or with `href`), and
/// animations that rewrite a link to a `javascript:` URL (`<set attributeName="href"
/// to="javascript:…">`). The generator never writes either; sanitizers that know HTML often
/// miss them. `on*` attributes on SVG elements are `inline-event-handler`'s.
public struct SVGScriptRule: CheckRule {
    public let id = "svg-script"
    public let summary = "no script elements and no javascript: animations in inline SVG"
    public let defaultSeverity: Severity = .error
    public init() {}

    static let animations: Set<String> = ["set", "animate"]
    static let animatedValues: Set<String> = ["to", "values", "from", "by"]

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for script in page.elements(named: "script") where script.namespace == .svg {
            out.error("<script> inside SVG: it runs like any script in the page, where HTML-minded reviews and sanitizers often miss it",
                      on: script, hint: "remove it; attach behaviour from a reviewed script file, outside the SVG")
        }
        for element in page.elements where element.namespace == .svg && Self.animations.contains(element.name.asciiLowercased) {
            guard let target = element.attributes.first(where: { $0.name.asciiLowercased == "attributename" })?.value.trimmingHTMLSpace,
                  target == "href" || target == "xlink:href" else { continue }
            for attribute in element.attributes where Self.animatedValues.contains(attribute.name.asciiLowercased) {
                guard Self.holdsScriptURL(attribute.value) else { continue }
                out.error("<\(element.name)> sets \(target) to a javascript: URL: the link runs script when followed",
                          on: element, at: attribute.position, hint: "animate presentation attributes only, never a link's href")
            }
        }
    }

    /// A `javascript:` or `vbscript:` URL in any `;`-separated item, read as a browser reads a
    /// URL (ASCII tabs, newlines and controls dropped, case ignored).
    static func holdsScriptURL(_ value: String) -> Bool {
        var plain = ""
        for scalar in value.unicodeScalars where scalar.value > 0x20 { plain.unicodeScalars.append(scalar) }
        let lowered = plain.asciiLowercased
        return lowered.contains("javascript:") || lowered.contains("vbscript:")
    }
}
