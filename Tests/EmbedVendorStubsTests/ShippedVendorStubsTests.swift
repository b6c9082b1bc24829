@testable import EmbedVendorStubs
import Foundation
import Testing

/// The copy compiled into the tool (what `serve --stub-vendors` answers with) is complete and
/// byte-equal to `vendor-stubs/`, the copy the browser tests load.
@Suite struct ShippedVendorStubsTests {
    /// One request path per catalog file: the exact paths, each app's files, one Engage script
    /// id and one ticket id for the two patterns.
    static var pathsOfEveryFile: [(path: String, file: String)] {
        var paths = VendorStubCatalog.singles.map { (path: $0.key, file: $0.value) }
        for app in VendorStubCatalog.apps {
            for name in app.files { paths.append(("/\(app.mount)/\(name)", app.folder + "/" + name)) }
        }
        paths.append(("/cdn/js/6a1b2c3d4e5f60718293a4b5.js", VendorStubCatalog.engageScript))
        paths.append(("/api/apizee/tickets/T-42/events", VendorStubCatalog.ticketEvents))
        return paths.sorted { $0.path < $1.path }
    }

    @Test func theRequestPathsReachEveryCatalogFile() {
        #expect(Set(Self.pathsOfEveryFile.map(\.file)) == Set(VendorStubCatalog.files))
    }

    @Test func shippedRouterServesEveryCatalogFileByteEqualToTheFolder() throws {
        for (path, file) in Self.pathsOfEveryFile {
            let answer = get(path, VendorStubRouter.shipped)
            #expect(answer.status == 200, "\(path)")
            #expect(answer.body == (try onDisk(file)), "\(path): the compiled copy of \(file) differs from vendor-stubs/")
            #expect(answer.header("Content-Type") == VendorStubCatalog.contentType(of: file), "\(path)")
        }
    }
}
