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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "Disclosure",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Compliance",
            dependencies: ["Disclosure", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Portal",
            dependencies: [
                "Disclosure", "Compliance", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "congkhai",
            dependencies: [
                "Disclosure", "Compliance", "Portal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ComplianceTests", dependencies: ["Compliance", "Disclosure"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "Compliance", "Disclosure"]),
    ]
)
