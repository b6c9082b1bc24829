/// Relative links between pages of one tenant folder.
enum PagePaths {
    /// `../` repeated once per folder level of `outputPath` (`help/faq.html` → `../`).
    static func rootPrefix(of outputPath: String) -> String {
        String(repeating: "../", count: outputPath.split(separator: "/").count - 1)
    }

    /// Link from one page to another path of the same tenant folder.
    static func relative(from outputPath: String, to target: String) -> String {
        let link = rootPrefix(of: outputPath) + target
        return link.isEmpty ? "./" : link
    }

    /// Public path below the base URL: `index.html` is served as the folder itself.
    static func publicPath(of outputPath: String) -> String {
        if outputPath == "index.html" { return "" }
        if outputPath.hasSuffix("/index.html") { return String(outputPath.dropLast("index.html".count)) }
        return outputPath
    }
}
