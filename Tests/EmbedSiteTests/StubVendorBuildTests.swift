import EmbedSite
import EmbedVendors
import Foundation
import Testing

/// `BuildOptions.stubVendors` (`serve --stub-vendors`): the sample tenant that uses every vendor
/// app, built with its vendor URLs pointed at the stub origin, and the build cache keeping the
/// two modes apart.
@Suite(.serialized) struct StubVendorBuildTests {
    let root = TestProject.temporaryDirectory("stub-vendors")
    var output: URL { root.appendingPathComponent("site") }
    static let stubs = VendorStubOrigin("http://127.0.0.1:8899")!
    /// What the production pages load from the vendors, none of which may remain with stubs.
    static let vendorURLs = ["https://apirtc.github.io/web-agent/", "https://app.apizee.com/agent/", "https://cdn.apirtc.com/",
                             "https://video.initech.example/", "https://dialogs.pro/", "https://cdn.chatvisor.com/cdn/js/"]

    init() throws {
        let sample = TestProject.packageRoot.appendingPathComponent("content/initech")
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
            let text = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
            try TestProject.write(["content/initech/\(name)": text], into: root)
        }
    }

    func build(stubs: VendorStubOrigin?) -> (BuildPipeline.Summary, String) {
        var options = BuildOptions(root: root, output: output, jobs: 1)
        options.stubVendors = stubs
        let summary = BuildPipeline.run(options)
        let pages = TestProject.snapshot(output).filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix("_headers") }
        // In path order: two dictionaries with the same keys need not list them in the same order.
        return (summary, pages.sorted { $0.key < $1.key }.map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n"))
    }

    @Test func vendorURLsPointAtTheStubsAndTheCacheKeepsTheModesApart() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (plain, production) = build(stubs: nil)
        #expect(plain.succeeded, "\(plain.diagnostics)")
        for url in Self.vendorURLs { #expect(production.contains(url), "\(url)") }
        #expect(!production.contains("127.0.0.1:8899"))

        // Same inputs, stub mode: every tenant is rendered again (the build key differs).
        let (stubbed, local) = build(stubs: Self.stubs)
        #expect(stubbed.succeeded, "\(stubbed.diagnostics)")
        #expect(stubbed.tenantsReused == 0 && stubbed.pageCount == plain.pageCount)
        for url in Self.vendorURLs { #expect(!local.contains(url), "\(url) is still in the stub build") }
        for expected in ["http://127.0.0.1:8899/web-agent/?aK=initechDemoKey", "http://127.0.0.1:8899/agent/?iK=initech-ik-77",
                         "http://127.0.0.1:8899/console/", "http://127.0.0.1:8899/loader/loaderAgent.js",
                         "http://127.0.0.1:8899/chatapp/?api%5Blicense_id%5D=40410",
                         "http://127.0.0.1:8899/cdn/js/6a1b2c3d4e5f60718293a4b5.js",
                         "/__embedsmith/vendor-stubs/api/apizee/me", "/__embedsmith/vendor-stubs/api/chatapp/token"] {
            #expect(local.contains(expected), "\(expected)")
        }
        // The pages' policies admit the stub origin (the browser would block it otherwise).
        #expect(local.contains("frame-src http://127.0.0.1:8899") || local.contains(" http://127.0.0.1:8899;"))

        // And back: production output again, not the stub pages from the cache.
        let (again, production2) = build(stubs: nil)
        #expect(again.succeeded && again.tenantsReused == 0)
        #expect(production2 == production)
    }
}
