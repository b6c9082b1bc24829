import EmbedCore

/// Every URL attribute parses with the WHATWG URL parser (what the browser will follow or
/// fetch). A URL embedsmith's parser does not support (IDNA hosts) is reported too: it is
/// never passed unchecked. Frame URLs are judged by iframe-src.
public struct URLValidRule: CheckRule {
    public let id = "url-valid"
    public let summary = "every URL attribute parses as a browser parses it (unsupported forms are errors too)"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for element in page.elements {
            if element.isHTML && (element.name == "iframe" || element.name == "frame") { continue }
            for attribute in element.attributes {
                guard let resolved = attribute.url, !resolved.isPathOnly, case .failure(let error) = resolved.result else { continue }
                switch error {
                case .invalid(let why):
                    out.error(Message.invalid(attribute.value, element.name, attribute.name, why), on: element,
                              at: attribute.position, hint: Message.invalidHint)
                case .unsupported(let why):
                    out.error(Message.unsupported(attribute.value, why), on: element, at: attribute.position,
                              hint: Message.unsupportedHint)
                }
            }
        }
    }
}

private enum Message {
    static func invalid(_ value: String, _ element: String, _ attribute: String, _ why: String) -> String {
        "<\(element) \(attribute)=\"\(value.clipped(60))\"> is not a valid URL (\(why)): the browser cannot follow it"
    }
    static let invalidHint = "percent-encode spaces and reserved characters, and check the host and port"
    static func unsupported(_ value: String, _ why: String) -> String {
        "URL '\(value.clipped(60))' cannot be checked: \(why)"
    }
    static let unsupportedHint = "write internationalized host names in punycode (xn--…)"
}
