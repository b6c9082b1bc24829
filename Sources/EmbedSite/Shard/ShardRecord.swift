import EmbedConfig
import EmbedCore

/// What a shard's manifest says about the build that wrote it, so `merge` can tell shards that
/// belong together from shards that do not. Three top-level fields of the manifest, written
/// only by `build --shard`; `merge` drops them, so a merged manifest is a single build's.
struct ShardRecord: Sendable, Equatable {
    var spec: ShardSpec
    /// Everything but the content that a tenant's output depends on: the tool version, the
    /// build mode and the templates in effect (`TemplateSet.buildKey`), and the settings (a
    /// tenant over one shard's size limits must not pass because another shard's are larger).
    var inputsKey: String
    /// The tenant folders of `content/` this shard saw, all of them, not only its own: shards
    /// of one checkout agree, and together hold exactly those tenants.
    var contentKey: String

    static let shardField = "shard"
    static let inputsKeyField = "shardInputsKey"
    static let contentKeyField = "shardContentKey"

    static func inputsKey(buildKey: String, settings: BuildSettings) -> String {
        ContentHash.sha256Hex("\(buildKey)\nlimits.assetBytes=\(settings.assetBytes)\nlimits.tenantBytes=\(settings.tenantBytes)")
    }

    static func contentKey(tenants: some Sequence<String>) -> String {
        ContentHash.sha256Hex(tenants.sorted().joined(separator: "\n"))
    }

    /// The manifest's top-level fields, in the order they are written.
    var fields: [(name: String, value: String)] {
        [(Self.shardField, spec.description), (Self.inputsKeyField, inputsKey), (Self.contentKeyField, contentKey)]
    }

    /// Read back from a manifest's top-level fields; nil when there is no valid record.
    init?(fields: [String: String]) {
        guard let text = fields[Self.shardField], case .success(let spec) = ShardSpec.parse(text),
              let inputsKey = fields[Self.inputsKeyField], let contentKey = fields[Self.contentKeyField] else { return nil }
        self.init(spec: spec, inputsKey: inputsKey, contentKey: contentKey)
    }

    init(spec: ShardSpec, inputsKey: String, contentKey: String) {
        self.spec = spec
        self.inputsKey = inputsKey
        self.contentKey = contentKey
    }
}
