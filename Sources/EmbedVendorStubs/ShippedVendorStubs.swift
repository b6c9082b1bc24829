/// The stand-ins shipped in the tool: `vendor-stubs/` as compiled in at build time (the
/// EmbedFiles plugin's `VendorStubFiles`), answered by the router.
public extension VendorStubRouter {
    static let shipped = VendorStubRouter(files: { path in VendorStubFiles.files[path].map { Array($0.utf8) } })
}
