// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "respond",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "respond", targets: ["respond"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // System libraries: Debian's ncursesw, cmark-gfm and libyaml, through shim headers.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
        .target(name: "CDisplayWidth", path: "Sources/CDisplayWidth"),
        .target(name: "CProcessSpawn", path: "Sources/CProcessSpawn"),
        // libcurl through dlopen, with the types and constants of Debian's libcurl4-openssl-dev headers: loaded only
        // when an Alertmanager is asked, so no other command maps it.
        .target(name: "CLibcurl", path: "Sources/CLibcurl"),

        // Pure core.
        .target(name: "TerminalText", dependencies: ["CDisplayWidth"]),
        // The words of the interface in English and Traditional Chinese: catalogs compiled into the binary.
        .target(
            name: "Localization",
            resources: [.embedInCode("Catalogs/en.json"), .embedInCode("Catalogs/zh-TW.json")]
        ),
        // Front matter: libyaml for YAML and TOMLKit (toml++) for TOML, both full parsers of their format.
        // Crypto's SHA-256 names the bash -n verdicts lint keeps.
        .target(
            name: "RunbookKit",
            dependencies: [
                "CCmarkGFM", "CYAML", "CProcessSpawn", "TerminalText", "Localization",
                .product(name: "TOMLKit", package: "TOMLKit"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "IncidentModel", dependencies: ["RunbookKit", "Localization", "TerminalText"]),
        // Alertmanager's alerts: payloads, the runbook an alert is for, severity and placeholder values (pure).
        .target(name: "Alerts", dependencies: ["RunbookKit", "TerminalText"]),
        .target(name: "Postmortem", dependencies: ["IncidentModel", "RunbookKit", "TerminalText", "Localization"]),
        // The drawing surface the UI draws on and the backend shows: frames of styled cells, keys, terminal events.
        .target(name: "TerminalFrame", dependencies: ["TerminalText"]),
        .target(
            name: "GuideUI",
            dependencies: ["RunbookKit", "IncidentModel", "Alerts", "TerminalText", "TerminalFrame", "Localization"]
        ),

        // The incident journal on disk: files, locks, the incident directories (an effect at the edge).
        .target(name: "IncidentStore", dependencies: ["IncidentModel", "Localization", "RunbookKit", "TerminalText"]),

        // Runs a runbook's commands for the walkthrough: processes, timeouts, output files (an effect at the edge).
        .target(
            name: "CommandRunner",
            dependencies: ["IncidentModel", "IncidentStore", "RunbookKit", "TerminalText", "CProcessSpawn"]
        ),

        // Reads the alerts firing now from an Alertmanager's HTTP API (an effect at the edge; libcurl loaded on demand).
        .target(name: "AlertmanagerClient", dependencies: ["Alerts", "CLibcurl", "TerminalText"]),

        // The only importer of curses.
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TerminalFrame"]),

        .executableTarget(
            name: "respond",
            dependencies: [
                "RunbookKit", "IncidentModel", "IncidentStore", "Postmortem", "GuideUI", "CursesBackend",
                "TerminalText", "TerminalFrame", "CommandRunner", "Localization", "Alerts",
                "AlertmanagerClient", "CProcessSpawn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench` only: measures the pieces in-process (never part of `make test`).
        .executableTarget(
            name: "respond-bench",
            dependencies: [
                "RunbookKit", "IncidentModel", "IncidentStore", "Postmortem", "GuideUI", "TerminalText",
                "TerminalFrame",
            ],
            path: "bench/Sources/respond-bench"
        ),

        // Test helpers shared by the test targets.
        .target(
            name: "TestSupport", dependencies: ["TerminalText", "CProcessSpawn", "RunbookKit", "IncidentModel"],
            path: "Tests/TestSupport"
        ),

        .testTarget(
            name: "TerminalTextTests",
            dependencies: [
                "TerminalText", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "TestSupport"]),
        .testTarget(name: "AlertsTests", dependencies: ["Alerts", "RunbookKit"]),
        .testTarget(name: "AlertmanagerClientTests", dependencies: ["AlertmanagerClient", "Alerts", "TestSupport"]),
        .testTarget(name: "TerminalFrameTests", dependencies: ["TerminalFrame", "TestSupport"]),
        .testTarget(
            name: "RunbookKitTests",
            dependencies: [
                "RunbookKit", "Localization", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IncidentModelTests",
            dependencies: [
                "IncidentModel", "RunbookKit", "Localization", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "IncidentStoreTests",
            dependencies: ["IncidentStore", "IncidentModel", "RunbookKit", "Localization", "TestSupport"]
        ),
        .testTarget(
            name: "PostmortemTests",
            dependencies: [
                "Postmortem", "IncidentModel", "IncidentStore", "RunbookKit", "Localization", "TestSupport",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "GuideUITests",
            dependencies: [
                "GuideUI", "TerminalText", "TerminalFrame", "RunbookKit", "IncidentModel", "IncidentStore",
                "Localization", "TestSupport",
            ],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "CommandRunnerTests", dependencies: ["CommandRunner", "RunbookKit", "IncidentModel", "TestSupport"]
        ),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "CNcursesw", "TerminalFrame"]),
        .testTarget(name: "EndToEndTests", dependencies: ["respond", "TestSupport"], exclude: ["Fixtures"]),
    ]
)

// A module sees the members of only the modules its file imports. Without this, a dependency's own
// `import Foundation` lends Foundation's String methods (`contains(_:)` through `range(of:)`) to every module above
// it, and the first such call links all of Foundation and ICU's data into the binary.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
