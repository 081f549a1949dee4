// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "respond",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "respond", targets: ["respond"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries: Debian's ncursesw and cmark-gfm, through shim headers.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .target(name: "CDisplayWidth", path: "Sources/CDisplayWidth"),
        .target(name: "CProcessSpawn", path: "Sources/CProcessSpawn"),

        // Pure core.
        .target(name: "TerminalText", dependencies: ["CDisplayWidth"]),
        .target(name: "RunbookKit", dependencies: ["CCmarkGFM", "CProcessSpawn", "TerminalText"]),
        .target(name: "IncidentKit", dependencies: ["RunbookKit"]),
        .target(name: "Postmortem", dependencies: ["IncidentKit", "RunbookKit", "TerminalText"]),
        // The drawing surface the UI draws on and the backend shows: frames of styled cells, keys, terminal events.
        .target(name: "TerminalFrame", dependencies: ["TerminalText"]),
        .target(name: "GuideUI", dependencies: ["RunbookKit", "IncidentKit", "TerminalText", "TerminalFrame"]),

        // Runs a runbook's commands for the walkthrough: processes, timeouts, output files (an effect at the edge).
        .target(name: "CommandRunner", dependencies: ["IncidentKit", "RunbookKit", "TerminalText", "CProcessSpawn"]),

        // The only importer of curses.
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TerminalFrame"]),

        .executableTarget(
            name: "respond",
            dependencies: [
                "RunbookKit", "IncidentKit", "Postmortem", "GuideUI", "CursesBackend", "TerminalText", "TerminalFrame",
                "CommandRunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench` only: measures the pieces in-process (never part of `make test`).
        .executableTarget(
            name: "respond-bench",
            dependencies: ["RunbookKit", "IncidentKit", "Postmortem", "GuideUI", "TerminalText", "TerminalFrame"],
            path: "bench/Sources/respond-bench"
        ),

        // Test helpers shared by the test targets.
        .target(name: "TestSupport", dependencies: ["TerminalText", "CProcessSpawn"], path: "Tests/TestSupport"),

        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "TerminalFrameTests", dependencies: ["TerminalFrame", "TestSupport"]),
        .testTarget(name: "RunbookKitTests", dependencies: ["RunbookKit", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "IncidentKitTests", dependencies: ["IncidentKit", "RunbookKit", "TestSupport"]),
        .testTarget(
            name: "PostmortemTests", dependencies: ["Postmortem", "IncidentKit", "RunbookKit", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "GuideUITests",
            dependencies: ["GuideUI", "TerminalText", "TerminalFrame", "RunbookKit", "IncidentKit", "TestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "CommandRunnerTests", dependencies: ["CommandRunner", "RunbookKit", "IncidentKit", "TestSupport"]
        ),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "CNcursesw", "TerminalFrame"]),
        .testTarget(name: "EndToEndTests", dependencies: ["respond", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
