import ArgumentParser
import Console
import Foundation
import ScenarioLanguage

struct Sandtable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandtable",
        abstract: "Run tabletop exercises for cross-department collaboration.",
        version: SandtableVersion.string,
        subcommands: [Play.self, Resume.self, Check.self, Verify.self, New.self, Simulate.self, Explore.self, Graph.self, Debrief.self, Replay.self]
    )
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check exercises for errors and warnings, like a compiler.")

    @Argument(help: "The .ttx files to check.") var files: [String]
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "Output format: text or json.") var format: String = "text"
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"

    func run() throws {
        let code = CheckCommand.run(files: files, strict: strict, json: format == "json", color: ColorMode(rawValue: color) ?? .auto)
        if code != 0 { throw ExitCode(code) }
    }
}

Sandtable.main()
