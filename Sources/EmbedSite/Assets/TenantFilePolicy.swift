import EmbedCore
import Foundation

/// What a tenant may publish on its origin besides its pages. Anything served there runs with
/// the pages' rights if it runs at all, so a file a browser would execute or render as a
/// document that runs script is refused: script files, HTML and XML documents, SVG holding
/// script. The `_headers` policy of `assets/*` makes the rest inert even if a host serves
/// something this misses; this keeps such files off hosts that ignore `_headers`.
enum TenantFilePolicy {
    static let code: DiagnosticCode = .assetScriptCapable

    /// Lowercased extension -> what the file is. Chosen for what browsers run or render as a
    /// document that can run script; images, fonts, stylesheets, PDFs and plain SVG pass.
    static let refusedExtensions: [String: String] = [
        "js": "a JavaScript file", "mjs": "a JavaScript module", "cjs": "a JavaScript file",
        "html": "an HTML document", "htm": "an HTML document", "shtml": "an HTML document",
        "xhtml": "an XHTML document", "xht": "an XHTML document", "mht": "a web archive", "mhtml": "a web archive",
        "xml": "an XML document", "xsl": "an XSLT stylesheet", "xslt": "an XSLT stylesheet",
        "rss": "an XML feed", "atom": "an XML feed", "rdf": "an XML document",
        "svgz": "a compressed SVG (it cannot be checked for script)",
        "swf": "a Flash file", "wasm": "a WebAssembly module",
    ]

    static let hint = "remove it: images, fonts, stylesheets, PDFs and SVG without script are published; "
        + "a tenant's own script can never run on its pages (their CSP allows only embedsmith's bridge, by hash)"
    static let svgHint = "remove the script from the SVG (script elements, on* attributes, javascript: URLs, foreignObject, entities), or export it again as a plain image"

    /// `displayFolder`: the tenant folder as diagnostics show it (`content/acme`). `svgBytes`
    /// reads an SVG asset for the scan (assets are not held in memory); nil when it can no
    /// longer be read as it was hashed, which the asset copy reports.
    static func problems(pages: [PageSource], assets: [(source: AssetSource, sha256: String)], displayFolder: String,
                         svgBytes: (_ asset: AssetSource, _ sha256: String) -> [UInt8]?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for page in pages where page.outputPath.hasPrefix(HeadersFile.assetFolder) {
            found.append(.error(.contentPageName,
                                "page path '\(page.relativePath)' starts with '\(HeadersFile.assetFolder)': Netlify's _headers rule for "
                                + "\(HeadersFile.assetFolder)/* also matches '\(page.outputPath)', which would get the assets' sandbox policy",
                                at: SourceLocation(file: page.displayPath, line: 1, column: 1),
                                hint: "rename the page so its path does not start with '\(HeadersFile.assetFolder)'"))
        }
        for (asset, sha256) in assets {
            let file = "\(displayFolder)/\(asset.relativePath)"
            let name = asset.relativePath.split(separator: "/").last.map(String.init) ?? asset.relativePath
            let ext = name.split(separator: ".", omittingEmptySubsequences: false).dropFirst().last.map { $0.lowercased() } ?? ""
            if let what = refusedExtensions[ext] {
                found.append(.error(code, "'\(asset.relativePath)' is \(what): a file that can run script is never published on the tenant's origin",
                                    at: SourceLocation(file: file, line: 1, column: 1), hint: hint))
            } else if ext == "svg", let bytes = svgBytes(asset, sha256) {
                if let problem = SVGScriptScan.firstProblem(in: bytes) {
                    let (line, column) = SourceText.lineAndColumn(ofByte: problem.offset, in: bytes)
                    found.append(.error(code, "SVG '\(asset.relativePath)' holds \(problem.reason): opened on its own, it could run script on the tenant's origin",
                                        at: SourceLocation(file: file, line: line, column: column), hint: svgHint))
                }
            }
        }
        return found
    }
}
