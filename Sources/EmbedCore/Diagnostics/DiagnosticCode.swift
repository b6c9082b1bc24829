/// A diagnostic's stable code (`config-unknown-key`): what users grep for, silence in CI and
/// look up in the docs, so it never changes once released. Every code the tool emits is a
/// constant here, and listed in the lists below that say which command can emit it; tests
/// iterate over those lists (every `build` code has an invalid-input case, every `merge` code a
/// refusal test). A string literal is a code too, so new code can name one before it is added
/// here; add it here (and to its list) in the same change.
public struct DiagnosticCode: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

public extension DiagnosticCode {
    // MARK: Project settings, tenant.yaml and page front matter (`config-…`, `yaml-…`, `page-…`)
    static let configAssetMissing: DiagnosticCode = "config-asset-missing"
    static let configBasePath: DiagnosticCode = "config-base-path"
    static let configBaseURL: DiagnosticCode = "config-base-url"
    static let configColor: DiagnosticCode = "config-color"
    static let configControlCharacter: DiagnosticCode = "config-control-character"
    static let configEmail: DiagnosticCode = "config-email"
    static let configEnum: DiagnosticCode = "config-enum"
    static let configHost: DiagnosticCode = "config-host"
    static let configMissingKey: DiagnosticCode = "config-missing-key"
    static let configPath: DiagnosticCode = "config-path"
    static let configPhone: DiagnosticCode = "config-phone"
    static let configRange: DiagnosticCode = "config-range"
    static let configRefused: DiagnosticCode = "config-refused"
    static let configReportOnlyEndpoint: DiagnosticCode = "config-report-only-endpoint"
    static let configSecret: DiagnosticCode = "config-secret"
    static let configTooLarge: DiagnosticCode = "config-too-large"
    static let configTooLong: DiagnosticCode = "config-too-long"
    static let configTooMany: DiagnosticCode = "config-too-many"
    static let configTooShort: DiagnosticCode = "config-too-short"
    static let configType: DiagnosticCode = "config-type"
    static let configUnknownKey: DiagnosticCode = "config-unknown-key"
    static let configValue: DiagnosticCode = "config-value"
    static let pageFrontMatterMissing: DiagnosticCode = "page-front-matter-missing"
    static let yamlAnchor: DiagnosticCode = "yaml-anchor"
    static let yamlComplexKey: DiagnosticCode = "yaml-complex-key"
    static let yamlDuplicateKey: DiagnosticCode = "yaml-duplicate-key"
    static let yamlEncoding: DiagnosticCode = "yaml-encoding"
    static let yamlSyntax: DiagnosticCode = "yaml-syntax"
    static let yamlTag: DiagnosticCode = "yaml-tag"
    static let yamlTooDeep: DiagnosticCode = "yaml-too-deep"
    static let yamlTooLarge: DiagnosticCode = "yaml-too-large"

    // MARK: Tenant folders (`content-…`, `asset-…`, `tenant-…`)
    static let assetScriptCapable: DiagnosticCode = "asset-script-capable"
    static let contentMissing: DiagnosticCode = "content-missing"
    static let contentNameEncoding: DiagnosticCode = "content-name-encoding"
    static let contentPageName: DiagnosticCode = "content-page-name"
    static let contentPathTooLong: DiagnosticCode = "content-path-too-long"
    static let contentReservedPath: DiagnosticCode = "content-reserved-path"
    static let contentSpecialFile: DiagnosticCode = "content-special-file"
    static let contentStrayFile: DiagnosticCode = "content-stray-file"
    static let contentSymlink: DiagnosticCode = "content-symlink"
    static let contentTooDeep: DiagnosticCode = "content-too-deep"
    static let contentTooLarge: DiagnosticCode = "content-too-large"
    static let contentUnreadable: DiagnosticCode = "content-unreadable"
    static let tenantConfigMissing: DiagnosticCode = "tenant-config-missing"
    static let tenantID: DiagnosticCode = "tenant-id"
    static let tenantNoPages: DiagnosticCode = "tenant-no-pages"
    static let tenantUnknown: DiagnosticCode = "tenant-unknown"

    // MARK: Templates
    static let templateMissing: DiagnosticCode = "template-missing"
    static let templateSyntax: DiagnosticCode = "template-syntax"
    static let templateUnreadable: DiagnosticCode = "template-unreadable"
    static let templateUnsafe: DiagnosticCode = "template-unsafe"

    // MARK: Markdown and `embed` blocks (EmbedMarkdown writes these as strings: it does not depend on EmbedCore)
    static let embedKindMissing: DiagnosticCode = "embed-kind-missing"
    static let embedNotTopLevel: DiagnosticCode = "embed-not-top-level"
    static let embedUnknownKind: DiagnosticCode = "embed-unknown-kind"
    static let frontmatterUnclosed: DiagnosticCode = "frontmatter-unclosed"
    static let markdownParseFailed: DiagnosticCode = "markdown-parse-failed"
    static let markdownRawHTML: DiagnosticCode = "markdown-raw-html"
    static let markdownRawMeta: DiagnosticCode = "markdown-raw-meta"

    // MARK: URLs (`URLPolicy`)
    static let urlControlCharacter: DiagnosticCode = "url-control-character"
    static let urlCredentials: DiagnosticCode = "url-credentials"
    static let urlHostForbidden: DiagnosticCode = "url-host-forbidden"
    static let urlHostNotAllowed: DiagnosticCode = "url-host-not-allowed"
    static let urlInvalid: DiagnosticCode = "url-invalid"
    static let urlNotHttps: DiagnosticCode = "url-not-https"
    static let urlUnsupported: DiagnosticCode = "url-unsupported"
    static let urlWhitespace: DiagnosticCode = "url-whitespace"

    // MARK: Vendor components
    static let apizeeEmbedConversationMissing: DiagnosticCode = "apizee-embed-conversation-missing"
    static let apizeeEmbedKeyMissing: DiagnosticCode = "apizee-embed-key-missing"
    static let chatappEmployeeIncomplete: DiagnosticCode = "chatapp-employee-incomplete"
    static let chatappEmployeeWithoutToken: DiagnosticCode = "chatapp-employee-without-token"
    static let chatappMessengerUnknown: DiagnosticCode = "chatapp-messenger-unknown"
    static let consoleHostForbidden: DiagnosticCode = "console-host-forbidden"
    static let consoleHostMissing: DiagnosticCode = "console-host-missing"
    static let engageAgentLink: DiagnosticCode = "engage-agent-link"
    static let engageDuplicate: DiagnosticCode = "engage-duplicate"
    static let engageScriptIDMissing: DiagnosticCode = "engage-script-id-missing"
    static let loaderAgentDuplicate: DiagnosticCode = "loader-agent-duplicate"
    static let loaderAgentEndpointMissing: DiagnosticCode = "loader-agent-endpoint-missing"
    static let loaderAgentServerSlash: DiagnosticCode = "loader-agent-server-slash"
    static let quickInvitationVariantKey: DiagnosticCode = "quick-invitation-variant-key"
    static let timelineDuplicate: DiagnosticCode = "timeline-duplicate"
    static let timelineEndpointMissing: DiagnosticCode = "timeline-endpoint-missing"
    static let timelineEndpointPlaceholder: DiagnosticCode = "timeline-endpoint-placeholder"
    static let webAgentApiKeyMissing: DiagnosticCode = "web-agent-api-key-missing"
    static let webAgentLegacyProtocol: DiagnosticCode = "web-agent-legacy-protocol"

    // MARK: The output folder and the file system
    static let ioRead: DiagnosticCode = "io-read"
    static let ioWrite: DiagnosticCode = "io-write"
    static let outputBusy: DiagnosticCode = "output-busy"
    static let outputNotSite: DiagnosticCode = "output-not-site"
    static let outputUnsafe: DiagnosticCode = "output-unsafe"

    // MARK: Inputs that are read whole (`input-…`), by `build` and `check`
    static let inputEmpty: DiagnosticCode = "input-empty"
    static let inputEncoding: DiagnosticCode = "input-encoding"
    static let inputLinkOutside: DiagnosticCode = "input-link-outside"
    static let inputMissing: DiagnosticCode = "input-missing"
    static let inputNameEncoding: DiagnosticCode = "input-name-encoding"
    static let inputNotAFile: DiagnosticCode = "input-not-a-file"
    static let inputTooComplex: DiagnosticCode = "input-too-complex"
    static let inputTooDeep: DiagnosticCode = "input-too-deep"
    static let inputTooLarge: DiagnosticCode = "input-too-large"
    static let inputUnreadable: DiagnosticCode = "input-unreadable"

    // MARK: `_headers` files, by `check`
    static let headersLimit: DiagnosticCode = "headers-limit"
    static let headersSyntax: DiagnosticCode = "headers-syntax"
    static let headersUnreadable: DiagnosticCode = "headers-unreadable"

    // MARK: `merge`
    static let mergeContentDiffers: DiagnosticCode = "merge-content-differs"
    static let mergeInputsDiffer: DiagnosticCode = "merge-inputs-differ"
    static let mergeNotShard: DiagnosticCode = "merge-not-shard"
    static let mergeShardCount: DiagnosticCode = "merge-shard-count"
    static let mergeShardDuplicate: DiagnosticCode = "merge-shard-duplicate"
    static let mergeShardMissing: DiagnosticCode = "merge-shard-missing"
    static let mergeTenantOverlap: DiagnosticCode = "merge-tenant-overlap"
    static let mergeToolVersion: DiagnosticCode = "merge-tool-version"
}

public extension DiagnosticCode {
    /// Every code `embedsmith build` can emit (project, tenants, templates, pages, components,
    /// URLs, the output folder).
    static let build: [DiagnosticCode] = [
        .apizeeEmbedConversationMissing,
        .apizeeEmbedKeyMissing,
        .chatappEmployeeIncomplete,
        .chatappEmployeeWithoutToken,
        .chatappMessengerUnknown,
        .configAssetMissing,
        .configBasePath,
        .configBaseURL,
        .configColor,
        .configControlCharacter,
        .configEmail,
        .configEnum,
        .configHost,
        .configMissingKey,
        .configPath,
        .configPhone,
        .configRange,
        .configRefused,
        .configReportOnlyEndpoint,
        .configSecret,
        .configTooLarge,
        .configTooLong,
        .configTooMany,
        .configTooShort,
        .configType,
        .configUnknownKey,
        .configValue,
        .consoleHostForbidden,
        .consoleHostMissing,
        .contentMissing,
        .contentNameEncoding,
        .contentPageName,
        .contentPathTooLong,
        .contentReservedPath,
        .contentSpecialFile,
        .contentStrayFile,
        .contentSymlink,
        .contentTooDeep,
        .contentTooLarge,
        .contentUnreadable,
        .embedKindMissing,
        .embedNotTopLevel,
        .embedUnknownKind,
        .engageAgentLink,
        .engageDuplicate,
        .engageScriptIDMissing,
        .frontmatterUnclosed,
        .inputEncoding,
        .inputTooLarge,
        .inputUnreadable,
        .ioRead,
        .ioWrite,
        .loaderAgentDuplicate,
        .loaderAgentEndpointMissing,
        .loaderAgentServerSlash,
        .markdownParseFailed,
        .markdownRawHTML,
        .markdownRawMeta,
        .outputBusy,
        .outputNotSite,
        .outputUnsafe,
        .pageFrontMatterMissing,
        .quickInvitationVariantKey,
        .templateMissing,
        .templateSyntax,
        .templateUnreadable,
        .templateUnsafe,
        .tenantConfigMissing,
        .tenantID,
        .tenantNoPages,
        .tenantUnknown,
        .timelineDuplicate,
        .timelineEndpointMissing,
        .timelineEndpointPlaceholder,
        .urlControlCharacter,
        .urlCredentials,
        .urlHostForbidden,
        .urlHostNotAllowed,
        .urlInvalid,
        .urlNotHttps,
        .urlUnsupported,
        .urlWhitespace,
        .webAgentApiKeyMissing,
        .webAgentLegacyProtocol,
        .yamlAnchor,
        .yamlComplexKey,
        .yamlDuplicateKey,
        .yamlEncoding,
        .yamlSyntax,
        .yamlTag,
        .yamlTooDeep,
        .yamlTooLarge,
    ]

    /// The codes of `embedsmith merge`'s own refusals (it also emits `output-…` and `io-…`).
    static let merge: [DiagnosticCode] = [
        .mergeContentDiffers,
        .mergeInputsDiffer,
        .mergeNotShard,
        .mergeShardCount,
        .mergeShardDuplicate,
        .mergeShardMissing,
        .mergeTenantOverlap,
        .mergeToolVersion,
    ]

    /// The codes of `embedsmith check` about its inputs and `_headers` files (its findings on
    /// pages are rules: `RuleRegistry`).
    static let check: [DiagnosticCode] = [
        .headersLimit,
        .headersSyntax,
        .headersUnreadable,
        .inputEmpty,
        .inputEncoding,
        .inputLinkOutside,
        .inputMissing,
        .inputNameEncoding,
        .inputNotAFile,
        .inputTooComplex,
        .inputTooDeep,
        .inputTooLarge,
        .inputUnreadable,
    ]

    /// Every code, each once, sorted.
    static let all: [DiagnosticCode] = Array(Set(build + merge + check)).sorted()
}
