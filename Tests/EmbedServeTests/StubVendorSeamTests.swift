@testable import EmbedServe
import Foundation
import Testing

struct StubVendorSeamTests {
    let check = HostHeaderCheck(port: 9000)
    let echo: StubVendorHandler = { request in
        request.path == "/agent" ? ServeResponse(status: 200, body: request.body) : nil
    }

    @Test func theHandlerAnswersWithinTheLimits() async {
        let response = await StubVendorSeam.answer(ServeRequest(method: "POST", path: "/agent", headers: ["host": "127.0.0.1:9000", "content-length": "2"], body: Data("hi".utf8)),
                                                   hostCheck: check, handler: echo)
        #expect(response.status == 200)
        #expect(response.body == Data("hi".utf8))
        #expect(await StubVendorSeam.answer(ServeRequest(method: "GET", path: "/other", headers: ["host": "127.0.0.1:9000"]), hostCheck: check, handler: echo).status == 404)
    }

    @Test func foreignHostsAndLargeBodiesNeverReachTheHandler() async {
        let rebound = await StubVendorSeam.answer(ServeRequest(method: "GET", path: "/agent", headers: ["host": "evil.example:9000"]), hostCheck: check, handler: echo)
        #expect(rebound.status == 421)
        let large = await StubVendorSeam.answer(ServeRequest(method: "POST", path: "/agent", headers: ["host": "127.0.0.1:9000", "content-length": "\(RequestLimits.maxStubBodyBytes + 1)"]),
                                                hostCheck: check, handler: echo)
        #expect(large.status == 413)
    }
}
