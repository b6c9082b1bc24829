@testable import EmbedServe
import Testing

struct RequestPathTests {
    @Test func ordinaryPathsDecodeIntoSegments() throws {
        #expect(try RequestPath.parse("/").get() == RequestPath(segments: [], isFolder: true))
        #expect(try RequestPath.parse("/acme/agent").get() == RequestPath(segments: ["acme", "agent"], isFolder: false))
        #expect(try RequestPath.parse("/acme/").get() == RequestPath(segments: ["acme"], isFolder: true))
        #expect(try RequestPath.parse("/acme/caf%C3%A9%20menu.html").get().segments == ["acme", "café menu.html"])
    }

    @Test(arguments: [
        ("/acme/../etc/passwd", RequestPath.Refusal.dotSegment),
        ("/acme/%2e%2e/%2e%2e/etc/passwd", .dotSegment),
        ("/acme/%2E%2E/x", .dotSegment),
        ("/acme/.%2e/x", .dotSegment),
        ("/acme/./agent", .dotSegment),
        ("/acme/..%2f..%2fetc", .forbiddenCharacter),
        ("/acme/..%5c..%5cetc", .forbiddenCharacter),
        ("/acme/a%00.html", .forbiddenCharacter),
        ("/acme//agent", .forbiddenCharacter),
        ("/.site.build-cache", .hiddenName),
        ("/acme/_headers", .notServed),
        ("/acme/%zz", .badEncoding),
        ("/acme/%C3", .badEncoding),
        ("acme", .notAbsolute),
    ])
    func escapesAreRefused(raw: String, refusal: RequestPath.Refusal) {
        #expect(RequestPath.parse(raw) == .failure(refusal))
    }

    @Test func longPathsAreRefused() {
        #expect(RequestPath.parse("/" + String(repeating: "a", count: RequestPath.maxLength)) == .failure(.tooLong))
    }
}

struct HostHeaderCheckTests {
    @Test func loopbackNamesWithThePortAreAccepted() {
        let check = HostHeaderCheck(port: 4000)
        for host in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000", "[::1]:4000"] { #expect(check.accepts(host), "\(host)") }
    }

    @Test func otherNamesPortsAndNoHostAreRefused() {
        let check = HostHeaderCheck(port: 4000)
        for host in ["evil.example:4000", "127.0.0.1:4001", "127.0.0.1", "localhost.evil.example:4000", "", "127.0.0.1:4000.evil"] {
            #expect(!check.accepts(host), "\(host)")
        }
        #expect(!check.accepts(nil))
    }

    @Test func theHostOptionAddsItsAddress() {
        #expect(HostHeaderCheck(port: 8080, extraHost: "192.168.1.5").accepts("192.168.1.5:8080"))
        #expect(HostHeaderCheck(port: 8080, extraHost: "fe80::1").accepts("[fe80::1]:8080"))
        #expect(!HostHeaderCheck(port: 8080).accepts("192.168.1.5:8080"))
    }
}
