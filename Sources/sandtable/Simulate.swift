import ArgumentParser
import Console
import Foundation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play an exercise many times with random players: runtime errors, coverage, score distributions.",
        discussion: """
            Every role is played by a seeded random player; half of the playthroughs have a facilitator who \
            arbitrates. Playthrough i uses seed S + i, so `-n 1 --seed SEED --show-text` replays the one that \
            met an error. Exits 1 on a compile error or any runtime error.
            """)

    @Argument(help: "The exercise (.ttx) to simulate.") var file: String
    @Option(name: .short, help: "How many playthroughs.") var n: Int = 1000
    @Option(help: "The base seed: playthrough i uses seed + i.") var seed: UInt64 = 1
    @Option(help: "Parallel worker threads (the report does not depend on it).") var jobs: Int = 1
    @Flag(help: "Print the first playthrough (the one with the base seed) in full.") var showText = false
    @Option(help: "Output format: text or json.") var format: String = "text"
    @Option(help: "Colour of diagnostics: auto, always or never.") var color: String = "auto"

    func validate() throws {
        if n < 1 { throw ValidationError("-n must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if format != "text" && format != "json" { throw ValidationError("--format must be text or json") }
        if showText && format == "json" { throw ValidationError("--show-text prints text; use it with --format text") }
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
    }

    func run() throws {
        let code = SimulateCommand.run(
            .init(
                file: file, runs: n, seed: seed, jobs: jobs, showText: showText, json: format == "json",
                color: ColorMode(rawValue: color) ?? .auto))
        if code != 0 { throw ExitCode(code) }
    }
}
