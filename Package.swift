// swift-tools-version:6.3
import PackageDescription

// The pipeline reads top to bottom: load (Disclosure) → rules (Compliance) → render and write (Portal),
// with the command line (congkhai) as a thin shell around them.
let package = Package(
    name: "congkhai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "congkhai", targets: ["congkhai"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(
            name: "Disclosure",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Compliance",
            dependencies: [
                "Disclosure",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Drafting",
            dependencies: ["Disclosure", "Compliance", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "Portal",
            dependencies: ["Disclosure", "Compliance", "CCmark", "CQRencode"],
            // The theme's source files; the binary carries them in DefaultTheme.generated.swift.
            exclude: ["Theme/Default"]
        ),
        .target(
            name: "Preview",
            dependencies: [
                "Portal", "Compliance", "Disclosure",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "congkhai",
            dependencies: [
                "Disclosure", "Compliance", "Portal", "Drafting", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: the seeded generator of the property tests, and the sample
        // content and seed text (Fixtures, read from disk through #filePath, not as bundle resources).
        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["Fixtures"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Compliance", "Disclosure", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DraftingTests", dependencies: ["Drafting", "Disclosure", "Compliance", "TestSupport",
                                                          .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Portal", "Compliance", "Disclosure", "TestSupport"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "Compliance", "Disclosure", "TestSupport"], exclude: ["Golden", "Fixtures", "MustacheSpec"]),
    ]
)

// Fuzzing (Scripts/fuzz.sh, Fuzz/): a libFuzzer executable over the parsers, added only when
// CONGKHAI_FUZZ=1, so ordinary builds and tests never compile it.
if Context.environment["CONGKHAI_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "congkhai-fuzz", dependencies: ["Disclosure", "Drafting"], path: "Fuzz/Targets"))
}
