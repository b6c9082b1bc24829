// swift-tools-version:6.0
import PackageDescription

// Module graph (one direction only):
//   embedsmith -> EmbedCLI -> EmbedSite, EmbedCheck -> EmbedVendors -> EmbedConfig -> EmbedCore
//   EmbedSite -> EmbedMarkdown -> CCMark ; EmbedCheck -> CGumbo
//   EmbedVendorStubs -> EmbedCore (the simulated vendor apps of `serve --stub-vendors`)
let package = Package(
    name: "embedsmith",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "embedsmith", targets: ["embedsmith"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        .target(name: "CAtomicSwap"),
        .target(name: "EmbedCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "EmbedConfig", dependencies: ["EmbedCore", "Yams"]),
        .target(name: "EmbedVendors", dependencies: ["EmbedCore", "EmbedConfig"]),
        .target(name: "EmbedVendorStubs", dependencies: ["EmbedCore"]),
        .target(name: "EmbedMarkdown", dependencies: ["CCMark"]),
        .target(name: "EmbedSite", dependencies: [
            "EmbedCore", "EmbedConfig", "EmbedVendors", "EmbedMarkdown",
            "CAtomicSwap",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "EmbedCheck", dependencies: [
            "EmbedCore", "EmbedConfig", "EmbedVendors", "CGumbo", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "EmbedCLI", dependencies: [
            "EmbedCore", "EmbedConfig", "EmbedVendors", "EmbedSite", "EmbedCheck",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // mimalloc replaces glibc's malloc for the whole process (Swift, cmark, gumbo, libyaml):
        // builds spend about a tenth of their time allocating, and glibc's arenas scale worse
        // across threads. Linked, not preloaded, so every run of the tool gets it.
        .executableTarget(name: "embedsmith", dependencies: ["EmbedCLI"],
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .testTarget(name: "EmbedCoreTests", dependencies: ["EmbedCore"]),
        .testTarget(name: "EmbedConfigTests", dependencies: ["EmbedConfig"]),
        .testTarget(name: "EmbedVendorsTests", dependencies: ["EmbedVendors"]),
        .testTarget(name: "EmbedVendorStubsTests", dependencies: ["EmbedVendorStubs", "EmbedVendors"]),
        .testTarget(name: "EmbedMarkdownTests", dependencies: ["EmbedMarkdown"]),
        .testTarget(name: "EmbedSiteTests", dependencies: ["EmbedSite", "CGumbo", "EmbedCheck"]),
        .testTarget(name: "EmbedCheckTests", dependencies: ["EmbedCheck"]),
        .testTarget(name: "EmbedCLITests", dependencies: ["EmbedCLI"]),
    ],
    swiftLanguageModes: [.v5]
)
