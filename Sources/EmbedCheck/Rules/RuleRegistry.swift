/// Every check rule, in the order they run and are listed.
public enum RuleRegistry {
    public static let all: [any CheckRule] = [
        IframeSrcRule(),
        SandboxTokenRule(),
        SandboxEscapeRule(),
        SandboxConflictRule(),
        AllowFeatureRule(),
        AllowOriginRule(),
        ReferrerPolicyValueRule(),
        LoadingValueRule(),
        TargetBlankNoopenerRule(),
        URLSchemeRule(),
        URLValidRule(),
        URLSecretRule(),
        WebAgentParamsRule(),
        ApizeeEmbedParamsRule(),
        QuickInvitationParamsRule(),
        ChatAppParamsRule(),
        CSPPresentRule(),
        CSPMetaPlacementRule(),
        CSPScriptHashRule(),
        CSPFrameSrcRule(),
        CSPUnsafeInlineRule(),
        CSPMissingDirectiveRule(),
        CSPBroadSourceRule(),
        CSPAllowlistBypassRule(),
        CSPUnsafeEvalRule(),
        CSPSyntaxRule(),
        HeadersFrameAncestorsRule(),
        HeadersNosniffRule(),
        HeadersPermissionsDelegationRule(),
        InlineEventHandlerRule(),
        BridgeBeforeFrameRule(),
        ScriptIntegrityRule(),
        ScriptSameOriginRule(),
        StyleSourceRule(),
        MetaRefreshRule(),
        SVGScriptRule(),
    ]

    public static let ids: [String] = all.map(\.id)

    public static func rule(_ id: String) -> (any CheckRule)? { all.first { $0.id == id } }
}
