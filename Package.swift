// swift-tools-version:6.0
import PackageDescription

// Module graph (one direction only):
//   embedsmith -> EmbedCLI -> EmbedSite, EmbedCheck -> EmbedVendors -> EmbedConfig -> EmbedCore
//   EmbedCLI -> EmbedServe -> EmbedSite, EmbedCheck, SwiftNIO (the HTTP/1.1 server of `serve`)
//   EmbedSite -> EmbedMarkdown -> CCMark ; EmbedCheck -> CGumbo
//   EmbedCLI -> EmbedVendorStubs -> EmbedCore (the simulated vendor apps of `serve --stub-vendors`)
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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        .target(name: "CAtomicSwap"),
        .target(name: "EmbedCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "EmbedConfig", dependencies: ["EmbedCore", "Yams"]),
        .target(name: "EmbedVendors", dependencies: ["EmbedCore", "EmbedConfig"]),
        .target(name: "EmbedVendorStubs", dependencies: ["EmbedCore"], plugins: ["EmbedFiles"]),
        .target(name: "EmbedMarkdown", dependencies: ["CCMark"]),
        .target(name: "EmbedSite", dependencies: [
            "EmbedCore", "EmbedConfig", "EmbedVendors", "EmbedMarkdown",
            "CAtomicSwap",
            .product(name: "Mustache", package: "swift-mustache"),
        ], plugins: ["EmbedFiles"]),
        .target(name: "EmbedCheck", dependencies: [
            "EmbedCore", "EmbedConfig", "EmbedVendors", "CGumbo", .product(name: "Crypto", package: "swift-crypto"),
        ], plugins: ["EmbedFiles"]),
        .target(name: "EmbedServe", dependencies: [
            "EmbedCore", "EmbedSite", "EmbedCheck",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .target(name: "EmbedCLI", dependencies: [
            "EmbedCore", "EmbedConfig", "EmbedVendors", "EmbedSite", "EmbedCheck", "EmbedServe", "EmbedVendorStubs",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // templates/ and docs/rules/ compiled into EmbedSite and EmbedCheck at build time (the
        // table of what each target embeds is in Plugins/EmbedFiles): nothing generated is committed.
        .executableTarget(name: "EmbedFilesGenerator"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesGenerator"]),
        // mimalloc replaces glibc's malloc for the whole process (Swift, cmark, gumbo, libyaml):
        // builds spend about a tenth of their time allocating, and glibc's arenas scale worse
        // across threads. Linked, not preloaded, so every run of the tool gets it.
        .executableTarget(name: "embedsmith", dependencies: ["EmbedCLI"],
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        // Shared by every test target: repository paths, project builders, the CLI runner.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EmbedCoreTests", dependencies: ["EmbedCore", "TestSupport"]),
        .testTarget(name: "EmbedConfigTests", dependencies: ["EmbedConfig", "TestSupport"]),
        .testTarget(name: "EmbedVendorsTests", dependencies: ["EmbedVendors", "TestSupport"]),
        .testTarget(name: "EmbedVendorStubsTests", dependencies: ["EmbedVendorStubs", "EmbedVendors", "TestSupport"]),
        .testTarget(name: "EmbedMarkdownTests", dependencies: ["EmbedMarkdown", "TestSupport"]),
        .testTarget(name: "EmbedSiteTests", dependencies: ["EmbedSite", "CGumbo", "EmbedCheck", "TestSupport"]),
        .testTarget(name: "EmbedCheckTests", dependencies: ["EmbedCheck", "TestSupport"]),
        .testTarget(name: "EmbedCLITests", dependencies: ["EmbedCLI", "TestSupport"]),
        .testTarget(name: "EmbedServeTests", dependencies: ["EmbedServe", "EmbedCheck", "EmbedCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
