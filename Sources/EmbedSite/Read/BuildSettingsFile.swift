import EmbedConfig
import EmbedCore
import Foundation

/// The project's `embedsmith.yaml` (beside `content/`), as far as the build reads it: its
/// `build:` section (`BuildSettings`). No file: the defaults.
enum BuildSettingsFile {
    static func load(root: URL, displayRoot: String) -> (settings: BuildSettings, diagnostics: [Diagnostic]) {
        let path = root.appendingPathComponent("embedsmith.yaml").path
        let display = displayRoot.isEmpty ? "embedsmith.yaml" : "\(displayRoot)/embedsmith.yaml"
        guard access(path, F_OK) == 0 else { return (.defaults, []) }
        guard let data = FileBytes.read(path) else {
            return (.defaults, [.error(.inputUnreadable, "cannot read the project settings: \(String(cString: strerror(errno)))",
                                       at: SourceLocation(file: display, line: 1, column: 1))])
        }
        return BuildSettings.load(data: data, file: display)
    }
}
