import EmbedServe
import EmbedSite
import EmbedVendors
import EmbedVendorStubs
import Foundation

/// `serve --stub-vendors`: the shipped stand-ins of the vendor apps (EmbedVendorStubs) plugged
/// into serve's seam. Their router answers the stub listener and, on serve's own origin, the
/// endpoints pages fetch same-origin; the build points the tenants' vendor URLs at the listener.
enum StubVendorWiring {
    static func seam() -> StubVendorSeam? {
        let router = VendorStubRouter.shipped
        return StubVendorSeam(
            handler: { request in
                let answer = router.respond(to: StubRequest(method: request.method, path: request.path,
                                                            query: request.query.isEmpty ? nil : request.query,
                                                            headers: request.headers.map { (name: $0.key, value: $0.value) },
                                                            body: Array(request.body)))
                return ServeResponse(status: answer.status, headers: answer.headers.map { (name: $0.name, value: $0.value) },
                                     body: Data(answer.body))
            },
            adjustBuild: { options, origin in
                var adjusted = options
                adjusted.stubVendors = VendorStubOrigin(origin)
                return adjusted
            },
            sameOriginPrefix: VendorStubCatalog.sameOriginPrefix + "/api/")
    }
}
