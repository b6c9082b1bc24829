import ArgumentParser
import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Print one vendor URL (or with --html the element to paste), built and validated exactly as the generator does.",
        discussion: """
        KIND is one of: quick-invitation, web-agent, apizee-embed, chatapp,
        engage-script. Each option sets the config key of the same name (see the
        README's "Config reference").

        Examples:
          embedsmith link quick-invitation --reference CASE-42 \\
            --phone-numbers +33612345678 --service-key 0123456789abcdef0123456789abcdef
          embedsmith link quick-invitation --variant legacy --phone +33612345678 \\
            --reference 9867 --name "Jane Doe" --html
          embedsmith link web-agent --api-key myDemoApiKey \\
            --conversation Support-Acme --guest-phone +33612345678 --audio false
          embedsmith link apizee-embed --identification-key MyKey \\
            --conversation Case-7 --external-reference ticketId=12345
          embedsmith link chatapp --license-id 30310 --messenger grWhatsApp \\
            --phone 79999999999 --html
          embedsmith link engage-script --script-id 5c593c728b02502bc3f8ffe1 --html

        Exit codes: 0 printed; 65 invalid value (the reason is printed); 64 usage.
        """)

    @Argument(help: ArgumentHelp("quick-invitation, web-agent, apizee-embed, chatapp or engage-script.", valueName: "kind"))
    var kind: String

    @Flag(help: "Print the ready-to-paste <a>, <iframe> or <script> element instead of the URL.")
    var html = false

    // Shared
    @Option(help: "Link text (quick-invitation, chatapp with --display link).") var label: String?
    @Option(help: "Accessible title of the iframe.") var title: String?
    @Option(help: "App language: en or fr.") var locale: String?
    @Option(help: "Conversation name (cN).") var conversation: String?

    // quick-invitation
    @Option(help: "current (/quick-invitation) or legacy (/tickets/quick-invitation).") var variant: String?
    @Option(help: "Case reference, at most 50 characters.") var reference: String?
    @Option(help: "32-character service key.") var serviceKey: String?
    @Option(help: "Recipients' phone numbers, E.164, comma-separated or repeated.") var phoneNumbers: [String] = []
    @Option(help: "Recipients' e-mail addresses, comma-separated or repeated.") var emailAddresses: [String] = []
    @Option(help: "Lock the service field: true or false.") var readOnlyService: String?
    @Option(help: "Lock the recipients field: true or false.") var readOnlyRecipients: String?
    @Option(help: "Recipient's name (legacy quick-invitation).") var name: String?
    @Option(help: "Phone: the recipient (legacy quick-invitation) or the customer (chatapp, repeatable).") var phone: [String] = []

    // web-agent
    @Option(help: "Public apiRTC key (aK).") var apiKey: String?
    @Option(help: "Where the agent app is hosted.") var url: String?
    @Option(help: "Agent name (aN).") var agentName: String?
    @Option(help: "Guest name (gN).") var guestName: String?
    @Option(help: "Guest phone, E.164 (gP).") var guestPhone: String?
    @Option(help: "true or false (a).") var audio: String?
    @Option(help: "true or false (c).") var connect: String?
    @Option(help: "true or false (j).") var join: String?
    @Option(help: "ApiRTC cloud URL (cU).") var cloudUrl: String?
    @Option(help: "Web-guest app URL (gU).") var guestUrl: String?
    @Option(help: "Invitation short-link service (iU).") var invitationServiceUrl: String?
    @Option(help: "localStorage key prefix (iI).") var installationId: String?
    @Option(help: "ApiRTC user id (uId).") var userId: String?
    @Option(help: "debug, info, warn or error (lL).") var logLevel: String?
    @Option(help: "Call statistics interval in ms (cSMI).") var callStatsMonitoringInterval: String?

    // apizee-embed
    @Option(help: "Company identification key (iK).") var identificationKey: String?
    @Option(help: "External reference NAME=VALUE (eR), repeatable.") var externalReference: [String] = []

    // chatapp
    @Option(help: "Channel number (api[license_id]).") var licenseId: String?
    @Option(help: "Messenger type (api[messenger_type]).") var messenger: String?
    @Option(help: "Allowed messenger types, comma-separated (default grWhatsApp,telegram).") var messengers: [String] = []
    @Option(help: "Chat id like 79999999999@c.us (crm[dialogIds][N]), repeatable.") var dialogId: [String] = []
    @Option(help: "iframe or link.") var display: String?
    @Option(help: "Sandbox profile: vendor or hardened.") var sandbox: String?

    // engage-script
    @Option(help: "Tenant script id (cdn.chatvisor.com/cdn/js/<id>.js).") var scriptId: String?

    static let kinds = ["quick-invitation", "web-agent", "apizee-embed", "chatapp", "engage-script"]

    func validate() throws {
        guard Self.kinds.contains(kind) else {
            var message = "unknown kind '\(kind)'; use one of \(Self.kinds.joined(separator: ", "))"
            if let guess = Suggestion.closest(to: kind, in: Self.kinds) { message += " (did you mean '\(guess)'?)" }
            throw ValidationError(message)
        }
    }

    func run() throws {
        let request = LinkRequest(command: self)
        switch request.build() {
        case .success(let output):
            print(output)
        case .failure(let problems):
            let text = problems.diagnostics.map { "embedsmith: \($0)" }.joined(separator: "\n") + "\n"
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }
}
