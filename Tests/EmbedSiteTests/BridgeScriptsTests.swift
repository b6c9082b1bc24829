import EmbedCore
@testable import EmbedSite
import EmbedVendors
import Foundation
import Testing

/// Each generated page loads the bridge's core and only the feature modules its settings use,
/// as one hashed script allowed by its own sha384.
@Suite struct BridgeScriptsTests {
    /// Settings key of each feature module (the name it registers with `feature(...)`).
    static let settingsKey: [BridgeFeature: String] = [
        .frames: "frames", .loaderAgent: "loaderAgent", .chatapp: "chatapp", .timeline: "timeline", .engage: "engage",
    ]

    static func first(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    @Test func everyPageLoadsExactlyTheModulesItsSettingsUse() throws {
        let (summary, files) = GoldenSiteTests.build()
        #expect(summary.succeeded, "\(summary.diagnostics)")
        var pagesWithBridge = 0
        var scripts = Set<String>()
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            guard let src = Self.first(#"<script src="([^"]*embedsmith-bridge\.[0-9a-f]+\.js)""#, in: html) else {
                #expect(!html.contains("embedsmith-config"), "\(path): settings without a bridge")
                continue
            }
            pagesWithBridge += 1
            let tenant = String(path.prefix { $0 != "/" })
            let scriptPath = tenant + "/" + src.replacingOccurrences(of: "../", with: "")
            let script = try #require(files[scriptPath], "\(path) loads \(src), which was not written")
            scripts.insert(scriptPath.split(separator: "/").last.map(String.init) ?? "")
            let integrity = ContentHash.subresourceIntegrity(script)
            #expect(html.contains(#"integrity="\#(integrity)""#), "\(path): integrity is not the script's")
            #expect(html.contains("script-src '\(integrity)'"), "\(path): the CSP does not allow the script by its hash")

            let json = try #require(Self.first(#"<script type="application/json" id="embedsmith-config">(.*?)</script>"#, in: html))
            let settings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let text = String(decoding: script, as: UTF8.self)
            #expect(text.contains("const features = []"), "\(path): no core")
            for (feature, key) in Self.settingsKey {
                let value = settings[key]
                let used = !(value == nil || value is NSNull || (value as? [Any])?.isEmpty == true)
                #expect(text.contains("feature(\"\(key)\"") == used, "\(path): module \(feature.rawValue) loaded: \(!used), used: \(used)")
            }
            let locale = settings["locale"] as? String ?? "en"
            #expect(text.contains("STRINGS.\(locale) = {"), "\(path): no \(locale) strings")
            #expect(text.contains("STRINGS.\(locale == "fr" ? "en" : "fr") = {") == false, "\(path): another language's strings")
        }
        #expect(pagesWithBridge > 0)
        // The golden pages use several feature sets: several scripts, not one for all.
        #expect(scripts.count > 1, "\(scripts)")
    }

    @Test func equalSetsShareOneScriptAndOtherSetsDiffer() {
        let (templates, diagnostics) = TemplateSet.load(root: URL(fileURLWithPath: "/nonexistent"), displayRoot: "")
        #expect(diagnostics.isEmpty)
        let bridges = BridgeScripts(templates: templates)
        let chat = bridges.script(features: [.chatapp], locale: "en")
        #expect(bridges.script(features: [.chatapp], locale: "en").path == chat.path)
        #expect(bridges.script(features: [.chatapp], locale: "fr").path != chat.path)
        #expect(bridges.script(features: [.chatapp, .timeline], locale: "en").path != chat.path)
        // All modules together are the whole bridge: every module file, in file-name order.
        let all = bridges.script(features: Set(BridgeFeature.allCases), locale: "en")
        let expected = templates.files.keys.filter { $0.hasPrefix("assets/bridge/") && !$0.hasSuffix("strings-fr.js") }.sorted()
            .map { templates.file($0)! }.joined()
        #expect(String(decoding: all.data, as: UTF8.self) == expected)
        // A language without a table falls back to English.
        #expect(bridges.script(features: [.chatapp], locale: "de").path == chat.path)
    }
}
