import EmbedServe

/// Where `--stub-vendors` gets the simulated vendor apps: nil until they are wired in
/// (issue 14's stub module provides a `StubVendorSeam`: its routes and the build option that
/// points the tenants' vendor URLs at its origin).
enum StubVendorWiring {
    static func seam() -> StubVendorSeam? { nil }
}
