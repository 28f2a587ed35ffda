// swift-tools-version:6.0
import PackageDescription

/// ThiDua: emulation campaigns for a Vietnamese ward or commune.
/// Foundation only: this manifest names no package dependency.
let plugins = ["DanVanKheo", "CaiCachHanhChinh", "ChinhQuyenThanThien", "DanVanChinhQuyen"]

let package = Package(
    name: "ThiDua",
    // String(validating:as:) needs macOS 15; Linux has no floor.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        .library(name: "ThiDuaCore", targets: ["ThiDuaCore"]),
    ],
    targets: [
        // Domain-free building blocks: JSON, CSV, SHA-256, Vietnamese text, diagnostics.
        .target(name: "ThiDuaBase"),
        .target(name: "ThiDuaCore", dependencies: ["ThiDuaBase"]),
        .target(name: "ThiDuaRender", dependencies: ["ThiDuaCore"]),
        .target(name: "ThiDuaWeb", dependencies: ["ThiDuaCore", "ThiDuaRender"]),
        .target(
            name: "ThiDuaCLI",
            dependencies: ["ThiDuaCore", "ThiDuaRender", "ThiDuaWeb"] + plugins.map { .target(name: $0) }
        ),
        .executableTarget(name: "thidua", dependencies: ["ThiDuaCLI"]),
        .executableTarget(name: "thidua-bench", dependencies: ["ThiDuaCore", "ThiDuaRender", "ThiDuaCLI"]),
        .target(name: "ThiDuaTestSupport", dependencies: ["ThiDuaCore"]),
        .testTarget(
            name: "ThiDuaCoreTests",
            dependencies: ["ThiDuaBase", "ThiDuaCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "JournalTests", dependencies: ["ThiDuaCore", "thidua-bench"]),
        .testTarget(name: "FaultTests", dependencies: ["ThiDuaCLI", "ThiDuaCore"], exclude: ["Corpus"]),
        .testTarget(name: "ThiDuaRenderTests", dependencies: ["ThiDuaCore", "ThiDuaRender", "ThiDuaTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ThiDuaWebTests", dependencies: ["ThiDuaWeb", "ThiDuaCore", "ThiDuaCLI"]),
        .testTarget(
            name: "PluginTests",
            dependencies: ["ThiDuaCore", "ThiDuaTestSupport", "ThiDuaCLI"] + plugins.map { .target(name: $0) }
        ),
        .testTarget(
            name: "ThiDuaCLITests",
            dependencies: ["ThiDuaCLI", "ThiDuaCore", "ThiDuaRender", "ThiDuaTestSupport"],
            exclude: ["Golden", "Seeds", "Fixtures"]
        ),
    ] + plugins.map { .target(name: $0, dependencies: ["ThiDuaCore"], path: "Plugins/\($0)") },
    swiftLanguageModes: [.v6]
)
