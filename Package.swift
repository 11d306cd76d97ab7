// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Sandtable",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sandtable", targets: ["sandtable"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libedit's header and module map; only LineEditor imports it.
        .systemLibrary(
            name: "CLibedit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // Display width (from the Unicode data) and SGR styles: what the line editor and the console both need to
        // draw text in a terminal.
        .target(name: "TerminalText"),
        .target(
            name: "LineEditor",
            dependencies: ["CLibedit", "TerminalText", .product(name: "SystemPackage", package: "swift-system")]
        ),
        // The UI language, the string catalogues and the clock formats; below every module that speaks to people.
        .target(name: "Localization"),
        .target(
            name: "ScenarioLanguage",
            dependencies: ["Localization", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(name: "ExerciseEngine", dependencies: ["ScenarioLanguage"]),
        .target(
            name: "Transcripts",
            dependencies: [
                "ExerciseEngine", "Localization",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // After-action reports; reads what it needs of Transcripts through `package` access.
        .target(
            name: "Debrief",
            dependencies: [
                "Localization", "ExerciseEngine", "Transcripts",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // `sandtable export`: the debrief's results as CSV files and as one SQLite database (through GRDB).
        .target(
            name: "Export",
            dependencies: ["Debrief", "Transcripts", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "Authoring", dependencies: ["ExerciseEngine"]),
        .target(
            name: "Console",
            dependencies: [
                "Localization", "TerminalText", "LineEditor", "ScenarioLanguage", "ExerciseEngine", "Transcripts",
                "Debrief", "Export", "Authoring", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // `sandtable lsp`: a Language Server Protocol server on the compiler (JSON-RPC over stdio).
        .target(
            name: "LanguageServer",
            dependencies: [
                "ScenarioLanguage", "Localization", "ExerciseEngine", "Authoring",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The command line: every subcommand's options, parsed and validated by swift-argument-parser.
        .target(
            name: "SandtableCLI",
            dependencies: [
                "Console", "Localization", "ScenarioLanguage", "Debrief", "Authoring", "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sandtable", dependencies: ["SandtableCLI"]),
        .executableTarget(
            name: "sandtable-bench",
            dependencies: ["ScenarioLanguage", "ExerciseEngine", "Authoring", "LanguageServer"],
            path: "Benchmarks/Sources"
        ),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TerminalText"]),
        .testTarget(
            name: "ScenarioLanguageTests",
            dependencies: [
                "ScenarioLanguage", "Localization", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "ExerciseEngineTests", dependencies: ["ExerciseEngine"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        // Helpers shared by the transcript and debrief tests: a small exercise, scripted play, temporary folders.
        .target(
            name: "TranscriptsTestSupport",
            dependencies: ["ScenarioLanguage", "ExerciseEngine", "Transcripts"],
            path: "Tests/TranscriptsTestSupport"
        ),
        .testTarget(name: "TranscriptsTests", dependencies: ["Transcripts", "TranscriptsTestSupport"]),
        .testTarget(name: "DebriefTests", dependencies: ["Debrief", "TranscriptsTestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Debrief", "TranscriptsTestSupport"]),
        .testTarget(name: "AuthoringTests", dependencies: ["Authoring"]),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "Console", "TerminalText", "LineEditor", "ScenarioLanguage", "ExerciseEngine", "Transcripts",
            ]
        ),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "ScenarioLanguage", "Localization"]),
        .testTarget(name: "SandtableCLITests", dependencies: ["SandtableCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TerminalText"], exclude: ["Golden", "Neovim"]),
    ]
)
