import EmbedConfig
import EmbedCore

/// Runs the rules on one page, applies the project's rule levels and the page's
/// suppression comments, and returns findings in source order.
public struct PageChecker: Sendable {
    public let settings: CheckSettings
    let context: RuleContext
    let rules: [any CheckRule]

    public init(settings: CheckSettings = .defaults, rules: [any CheckRule] = RuleRegistry.all) {
        self.settings = settings
        self.context = RuleContext(settings: settings)
        self.rules = rules.filter { settings.levels[$0.id] != .off }
    }

    /// Checks HTML text (UTF-8).
    public func check(html: String) -> [Finding] {
        var text = html
        return text.withUTF8 { check(bytes: $0) }
    }

    /// A page past `MarkupLimits` is not parsed: its one finding is `input-too-complex`.
    /// `headers`: the `_headers` file that governs the page, if any.
    public func check(bytes: UnsafeBufferPointer<UInt8>, headers: HeadersContext? = nil) -> [Finding] {
        if let exceeded = MarkupLimits.check(bytes) { return [MarkupLimits.finding(exceeded, in: bytes)] }
        let page = PageScanner.scan(bytes)
        if let headers { page.attach(headers) }
        return check(page)
    }

    /// Checks HTML text (UTF-8) served under a `_headers` file.
    public func check(html: String, headers: HeadersContext?) -> [Finding] {
        var text = html
        return text.withUTF8 { check(bytes: $0, headers: headers) }
    }

    func check(_ page: Page) -> [Finding] {
        var silenced: [Int: Set<String>] = [:]
        for element in page.elements where !element.silenced.isEmpty { silenced[element.order] = Set(element.silenced) }
        for suppression in page.suppressions {
            if let order = suppression.elementOrder { silenced[order, default: []].formUnion(suppression.rules) }
        }
        var findings: [Finding] = suppressionProblems(page)
        for rule in rules {
            var out = RuleOutput(rule: rule.id)
            rule.check(page, context, &out)
            for var finding in out.findings {
                if silenced[finding.elementOrder]?.contains(rule.id) == true { continue }
                switch settings.levels[rule.id] {
                case .error?: finding.severity = .error
                case .warning?: finding.severity = .warning
                default: break
                }
                findings.append(finding)
            }
        }
        return findings.sorted { ($0.position, $0.rule, $0.message) < ($1.position, $1.rule, $1.message) }
    }

    /// Comments that name no rule or an unknown one are warnings (a typo would silence nothing).
    func suppressionProblems(_ page: Page) -> [Finding] {
        var problems: [Finding] = []
        for suppression in page.suppressions {
            let order = suppression.elementOrder ?? -1
            if suppression.rules.isEmpty {
                problems.append(Finding(rule: SuppressionComment.code, severity: .warning,
                                        message: "\(SuppressionComment.keyword) names no rule; it silences nothing",
                                        hint: "write the rule id after it, e.g. <!-- \(SuppressionComment.keyword) sandbox-escape -->",
                                        position: suppression.position, elementOrder: order))
            }
            for id in suppression.rules where RuleRegistry.rule(id) == nil {
                let guess = Suggestion.closest(to: id, in: RuleRegistry.ids)
                problems.append(Finding(rule: SuppressionComment.code, severity: .warning,
                                        message: "\(SuppressionComment.keyword) names unknown rule '\(id.clipped(40))'" + (guess.map { " (did you mean '\($0)'?)" } ?? ""),
                                        hint: "rule ids: embedsmith explain", position: suppression.position, elementOrder: order))
            }
            if suppression.elementOrder == nil {
                problems.append(Finding(rule: SuppressionComment.code, severity: .warning,
                                        message: "\(SuppressionComment.keyword) is not followed by any element", hint: nil,
                                        position: suppression.position, elementOrder: order))
            }
        }
        return problems
    }
}
