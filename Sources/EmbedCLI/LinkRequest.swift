import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation

/// Turns `embedsmith link` options into the same validated config the generator reads (a
/// tenant and an `embed` block, written as YAML with one option per line), runs the same
/// builders, and maps every diagnostic back to the option that caused it.
struct LinkRequest {
    struct Line {
        var option: String
        var yaml: String
    }

    var kind: String
    var html: Bool
    var tenantLines: [Line] = []
    var blockLines: [Line] = []

    init(command c: LinkCommand) {
        kind = c.kind
        html = c.html
        func text(_ v: String?) -> String? { v.map { ScriptJSON.encode(.string($0)) } }
        func raw(_ v: String?) -> String? { v.map { ["true", "false"].contains($0) || Int($0) != nil ? $0 : ScriptJSON.encode(.string($0)) } }
        func list(_ values: [String]) -> String? {
            let items = values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            return items.isEmpty ? nil : "[" + items.map { ScriptJSON.encode(.string($0)) }.joined(separator: ", ") + "]"
        }
        func block(_ option: String, _ key: String, _ value: String?) { if let value { blockLines.append(Line(option: option, yaml: "\(key): \(value)")) } }
        func tenant(_ option: String, _ path: String, _ value: String?) { if let value { tenantLines.append(Line(option: option, yaml: "\(path)=\(value)")) } }

        switch c.kind {
        case "quick-invitation":
            block("--label", "label", text(c.label))
            block("--variant", "variant", text(c.variant))
            block("--reference", "reference", text(c.reference))
            block("--service-key", "serviceKey", text(c.serviceKey))
            block("--phone-numbers", "phones", list(c.phoneNumbers))
            block("--email-addresses", "emails", list(c.emailAddresses))
            if c.readOnlyService != nil || c.readOnlyRecipients != nil {
                var parts: [String] = []
                if let v = raw(c.readOnlyService) { parts.append("service: \(v)") }
                if let v = raw(c.readOnlyRecipients) { parts.append("recipients: \(v)") }
                block(c.readOnlyService != nil ? "--read-only-service" : "--read-only-recipients", "readOnly", "{ " + parts.joined(separator: ", ") + " }")
            }
            block("--phone", "phone", c.phone.count > 1 ? list(c.phone) : text(c.phone.first))
            block("--name", "name", text(c.name))
        case "web-agent":
            tenant("--api-key", "apizee.apiKey", text(c.apiKey))
            tenant("--url", "apizee.webAgent.url", text(c.url))
            for (option, key, value) in [("--cloud-url", "cloudUrl", c.cloudUrl), ("--guest-url", "guestUrl", c.guestUrl),
                                         ("--invitation-service-url", "invitationServiceUrl", c.invitationServiceUrl),
                                         ("--installation-id", "installationId", c.installationId), ("--user-id", "userId", c.userId),
                                         ("--log-level", "logLevel", c.logLevel)] {
                tenant(option, "apizee.webAgent.\(key)", text(value))
            }
            tenant("--call-stats-monitoring-interval", "apizee.webAgent.callStatsMonitoringInterval", raw(c.callStatsMonitoringInterval))
            block("--conversation", "conversation", text(c.conversation))
            block("--agent-name", "agentName", text(c.agentName))
            if c.guestName != nil || c.guestPhone != nil {
                var parts: [String] = []
                if let v = text(c.guestName) { parts.append("name: \(v)") }
                if let v = text(c.guestPhone) { parts.append("phone: \(v)") }
                block(c.guestName != nil ? "--guest-name" : "--guest-phone", "guest", "{ " + parts.joined(separator: ", ") + " }")
            }
            block("--audio", "audio", raw(c.audio))
            block("--connect", "connect", raw(c.connect))
            block("--join", "join", raw(c.join))
            block("--locale", "locale", text(c.locale))
            block("--title", "title", text(c.title))
        case "apizee-embed":
            tenant("--identification-key", "apizee.embed.identificationKey", text(c.identificationKey))
            tenant("--installation-id", "apizee.embed.installationId", text(c.installationId))
            tenant("--url", "apizee.embed.url", text(c.url))
            block("--conversation", "conversation", text(c.conversation))
            block("--guest-phone", "guestPhone", text(c.guestPhone))
            block("--locale", "locale", text(c.locale))
            block("--title", "title", text(c.title))
            if !c.externalReference.isEmpty {
                let items = c.externalReference.map { pair -> String in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return "{ name: \(ScriptJSON.encode(.string(parts.first ?? ""))), reference: \(ScriptJSON.encode(.string(parts.count > 1 ? parts[1] : ""))) }"
                }
                block("--external-reference", "externalReferences", "[" + items.joined(separator: ", ") + "]")
            }
        case "chatapp":
            tenant("--license-id", "chatapp.licenseId", raw(c.licenseId))
            tenant("--messengers", "chatapp.messengers", list(c.messengers))
            tenant("--sandbox", "chatapp.sandbox", text(c.sandbox))
            block("--messenger", "messenger", text(c.messenger))
            block("--phone", "phones", list(c.phone))
            block("--dialog-id", "dialogIds", list(c.dialogId))
            block("--display", "display", text(c.display))
            block("--label", "label", text(c.label))
            block("--title", "title", text(c.title))
        default:
            tenant("--script-id", "engage.scriptId", text(c.scriptId))
        }
    }

    /// Builder errors about a missing tenant setting, and the option that provides it.
    static let missingSettingOptions = [
        "web-agent-api-key-missing": "--api-key",
        "apizee-embed-key-missing": "--identification-key",
        "apizee-embed-conversation-missing": "--conversation",
        "engage-script-id-missing": "--script-id",
        "chatapp-employee-without-token": "no --crm-domain/--employee-ext-code: they need a live token",
    ]

    /// `a.b.c=v` lines → nested YAML, remembering which YAML line each option wrote.
    static func tenantYAML(_ lines: [Line]) -> (String, [Int: String]) {
        var yaml = "name: link\nbaseURL: \"https://link.invalid/\"\n"
        var lineOptions: [Int: String] = [:]
        var written: [String] = []
        var lineCount = 2
        for line in lines {
            let eq = line.yaml.firstIndex(of: "=")!
            let path = line.yaml[..<eq].split(separator: ".").map(String.init)
            let value = String(line.yaml[line.yaml.index(after: eq)...])
            for depth in 0..<(path.count - 1) {
                let prefix = path[...depth].joined(separator: ".")
                if !written.contains(prefix) {
                    yaml += String(repeating: "  ", count: depth) + path[depth] + ":\n"
                    lineCount += 1
                    written.append(prefix)
                }
            }
            yaml += String(repeating: "  ", count: path.count - 1) + path.last! + ": " + value + "\n"
            lineCount += 1
            lineOptions[lineCount] = line.option
        }
        return (yaml, lineOptions)
    }

    func build() -> Result<String, DiagnosticList> {
        // Tenant: sort so that nested keys of one section are adjacent.
        let sortedTenant = tenantLines.sorted { $0.yaml.prefix(while: { $0 != "=" }) < $1.yaml.prefix(while: { $0 != "=" }) }
        let (tenantText, tenantOptions) = Self.tenantYAML(sortedTenant)
        let (tenantOrNil, tenantProblems) = TenantLoader.load(data: Data(tenantText.utf8), file: "<tenant>", id: "link")
        let blockOptions = Dictionary(uniqueKeysWithValues: blockLines.enumerated().map { ($0.offset + 1, $0.element.option) })
        // Diagnostics name the synthetic files `<tenant>` and `<options>`: report the option instead.
        func mapped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.filter { $0.severity == .error }.map { d in
                var copy = d
                let table = d.location?.file == "<tenant>" ? tenantOptions : blockOptions
                // Column 1 is a mapping itself (a missing key), not the value of an option.
                if let location = d.location, location.column > 1, let option = table[location.line] {
                    copy.message = "\(option): " + d.message
                }
                if let option = Self.missingSettingOptions[d.code] { copy.hint = "pass \(option)" }
                copy.location = nil
                return copy
            }
        }
        guard let tenant = tenantOrNil else { return .failure(DiagnosticList(mapped(tenantProblems))) }

        let blockText = blockLines.map(\.yaml).joined(separator: "\n") + "\n"
        let schema = ComponentSchemas.byKind[kind]!
        var validator = SchemaValidator(file: "<options>")
        let options: ConfigObject
        switch YAMLLoader.load(text: blockText, file: "<options>") {
        case .failure(let d): return .failure(DiagnosticList(mapped([d])))
        case .success(let node): options = validator.validateDocument(node, schema: schema, what: "options")
        }
        if validator.diagnostics.hasErrors { return .failure(DiagnosticList(mapped(validator.diagnostics))) }
        let context = ComponentContext(tenant: tenant)
        let result: Result<(url: String, html: String), DiagnosticList>
        switch kind {
        case "quick-invitation":
            result = QuickInvitation.build(options: options, context: context).map { link in
                ((try? link.url().string) ?? "", link.output(context: context).html.markup)
            }
        case "web-agent":
            result = WebAgentFrame.build(options: options, context: context).map { ($0.url.string, $0.output(context: context).html.markup) }
        case "apizee-embed":
            result = ApizeeEmbedFrame.build(options: options, context: context).map { ($0.url.string, $0.output(context: context).html.markup) }
        case "chatapp":
            result = ChatAppEmbed.build(options: options, context: context).map { ($0.url.string, $0.output(context: context).html.markup) }
        default:
            result = EngageWebChat.build(options: options, context: context).map { chat in
                (chat.script.string, HTMLElement("script", [("src", .url(chat.script)), ("defer", .present)]).html.markup)
            }
        }
        switch result {
        case .success(let built): return .success(html ? built.html : built.url)
        case .failure(let list): return .failure(DiagnosticList(mapped(list.diagnostics)))
        }
    }
}
