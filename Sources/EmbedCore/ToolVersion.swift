/// embedsmith's version: printed by `--version`, written into the manifest, and part of every
/// tenant's build key, so a new version re-renders every tenant once. Raise it whenever the tool's
/// output for the same input changes (a policy, a bridge, a layout compiled into the tool).
public enum ToolVersion {
    public static let current = "0.2.0"
}
