import EmbedCore

/// What a project configures for `embedsmith check` (`check:` in `embedsmith.yaml`).
public struct CheckSettings: Sendable {
    public enum RuleLevel: String, Sendable, CaseIterable {
        case error, warning, off
    }

    /// Extra hosts vendor frames may be loaded from (an Apizee console CNAME, a self-hosted web-agent).
    public var frameHosts: Set<String>
    /// Extra ChatApp messenger types (`telegramBot`, `avito`…).
    public var messengerTypes: Set<String>
    /// Per-rule override of every finding's severity, or `off`.
    public var levels: [String: RuleLevel]

    public init(frameHosts: Set<String> = [], messengerTypes: Set<String> = [], levels: [String: RuleLevel] = [:]) {
        self.frameHosts = frameHosts
        self.messengerTypes = messengerTypes
        self.levels = levels
    }

    public static let defaults = CheckSettings()
}
