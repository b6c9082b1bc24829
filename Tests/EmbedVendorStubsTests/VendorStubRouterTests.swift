@testable import EmbedVendorStubs
import Foundation
import Testing

/// The repository's `vendor-stubs/` folder: the one copy the browser tests use too.
let vendorStubsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("vendor-stubs")

/// A lookup over the real folder that records every name it was asked for.
final class RecordingLookup: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    let read = VendorStubFolder.lookup(vendorStubsFolder)
    var asked: [String] { lock.withLock { names } }
    var router: VendorStubRouter {
        VendorStubRouter { [self] name in
            lock.withLock { names.append(name) }
            return read(name)
        }
    }
}

func get(_ path: String, _ router: VendorStubRouter, method: String = "GET", host: String? = "127.0.0.1:8802", body: [UInt8] = []) -> StubResponse {
    router.respond(to: StubRequest(method: method, path: path, headers: host.map { [("Host", $0)] } ?? [], body: body))
}

func onDisk(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: vendorStubsFolder.appendingPathComponent(relative)))
}

@Suite struct VendorStubRouterTests {
    let router = VendorStubRouter(files: VendorStubFolder.lookup(vendorStubsFolder))

    /// What an embedded copy must hold is all there, and every app file of the folder is served.
    @Test func everyCatalogFileIsInTheFolderAndEveryStubFileIsInTheCatalog() throws {
        for file in VendorStubCatalog.files {
            #expect(FileManager.default.fileExists(atPath: vendorStubsFolder.appendingPathComponent(file).path), "\(file)")
        }
        let walker = FileManager.default.enumerator(atPath: vendorStubsFolder.path)!
        var onDisk: [String] = []
        while let next = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: vendorStubsFolder.appendingPathComponent(next).path, isDirectory: &isFolder), !isFolder.boolValue,
               next != "README.md" { onDisk.append(next) }
        }
        #expect(onDisk.sorted() == VendorStubCatalog.files)
    }

    @Test(arguments: [
        ("/", "index.html", "text/html"),
        ("/web-agent/", "web-agent/index.html", "text/html"),
        ("/web-agent/index.html", "web-agent/index.html", "text/html"),
        ("/web-agent/agent.js", "web-agent/agent.js", "text/javascript"),
        ("/agent/", "web-agent/index.html", "text/html"),
        ("/agent/agent.css", "web-agent/agent.css", "text/css"),
        ("/console/", "console/index.html", "text/html"),
        ("/chatapp/", "chatapp/index.html", "text/html"),
        ("/chatapp/stub-chatapp.js", "chatapp/stub-chatapp.js", "text/javascript"),
        ("/loader/loaderAgent.js", "loader/loaderAgent.js", "text/javascript"),
        ("/cdn/js/6a1b2c3d4e5f60718293a4b5.js", "engage/es-stub-engage.js", "text/javascript"),
        ("/api/apizee/me", "api/agent-info.json", "application/json"),
        ("/api/chatapp/token", "api/chatapp-token.json", "application/json"),
        ("/api/apizee/tickets/42/events", "api/ticket-events.json", "application/json"),
        ("/__embedsmith/vendor-stubs/api/apizee/me", "api/agent-info.json", "application/json"),
        ("/__embedsmith/vendor-stubs/api/apizee/tickets/T-7/events", "api/ticket-events.json", "application/json"),
    ])
    func servesEachStubWithItsTypeUncachedAndUnsniffed(path: String, file: String, type: String) throws {
        let r = get(path, router)
        #expect(r.status == 200)
        #expect(r.body == (try onDisk(file)))
        #expect(r.header("content-type")?.hasPrefix(type) == true)
        #expect(r.header("Cache-Control") == "no-store")
        #expect(r.header("X-Content-Type-Options") == "nosniff")
        #expect(r.header("Content-Length") == String(r.body.count))
    }

    /// No path outside the catalog reaches the lookup: dot segments, encoded ones, backslashes,
    /// doubled slashes, nested names, the same-origin prefix on anything but the API.
    @Test func traversalAndUnknownPathsAre404WithoutAskingTheLookup() {
        let recording = RecordingLookup()
        let router = recording.router
        for path in ["/web-agent/../api/agent-info.json", "/web-agent/%2e%2e/api/agent-info.json", "/../Package.swift",
                     "/web-agent/..%2F..%2FPackage.swift", "/web-agent//agent.js", "/web-agent/agent.js/", "/web-agent\\agent.js",
                     "/web-agent/sub/agent.js", "/web-agent", "/README.md", "/api/agent-info.json", "/engage/es-stub-engage.js",
                     "/cdn/js/../../Package.swift.js", "/cdn/js/a%2F..%2Fb.js", "/cdn/js/.js", "/cdn/js/x.y.js",
                     "/cdn/js/" + String(repeating: "a", count: 65) + ".js", "/api/apizee/tickets/../events",
                     "/api/apizee/tickets/%2e%2e/events", "/__embedsmith/vendor-stubs/web-agent/", "/__embedsmith/vendor-stubs/",
                     "/api/apizee/me/", "/API/apizee/me", "/web-agent/index.html\u{0}", ""] {
            #expect(get(path, router).status == 404, "\(path)")
        }
        #expect(Set(recording.asked).isSubset(of: Set(VendorStubCatalog.files)), "\(recording.asked)")
        #expect(recording.asked.isEmpty, "\(recording.asked)")
    }

    @Test func onlyGetAndHeadAnd405SaysWhichOnes() {
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"] {
            let r = get("/api/chatapp/token", router, method: method)
            #expect(r.status == 405 && r.header("Allow") == "GET, HEAD", "\(method)")
        }
        let head = get("/web-agent/agent.js", router, method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") != "0")
    }

    @Test func oversizedBodiesAndPathsAreRefused() {
        #expect(get("/web-agent/", router, body: [UInt8](repeating: 0x41, count: VendorStubRouter.maxRequestBodyBytes + 1)).status == 413)
        #expect(get("/web-agent/", router, body: [UInt8](repeating: 0x41, count: VendorStubRouter.maxRequestBodyBytes)).status == 200)
        #expect(get("/web-agent/" + String(repeating: "a", count: VendorStubRouter.maxPathBytes), router).status == 414)
    }

    /// DNS rebinding: a remote page that resolves its own name to 127.0.0.1 sends that name.
    @Test(arguments: [
        ("127.0.0.1:8802", true), ("127.0.0.1", true), ("localhost:9000", true), ("LOCALHOST", true), ("[::1]:8802", true),
        ("127.1.2.3:1", true), ("evil.example", false), ("evil.example:8802", false), ("127.0.0.1.evil.example", false),
        ("127.0.0.1:80x", false), ("127.0.0.256", false), ("[::1]x", false), ("[::2]", false), ("localhost.:80", false),
        ("0x7f.0.0.1", false), ("", false),
    ])
    func hostHeaderMustBeLoopback(host: String, answered: Bool) {
        let r = get("/web-agent/", router, host: host)
        #expect((r.status == 200) == answered)
        if !answered { #expect(r.status == 421) }
    }

    @Test func unknownFilesOfTheLookupAre404NotACrash() {
        let empty = VendorStubRouter { _ in nil }
        #expect(get("/web-agent/", empty).status == 404)
        #expect(get("/favicon.ico", empty).status == 204)
    }
}
