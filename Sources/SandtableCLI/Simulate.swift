import ArgumentParser
import Console

/// `sandtable simulate FILE`.
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
    @OptionGroup var format: ReportFormatOptions
    @OptionGroup var color: ColorOptions

    func validate() throws {
        if n < 1 { throw ValidationError("-n must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if showText && format.json { throw ValidationError("--show-text prints text; use it with --format text") }
    }

    func run() throws {
        try finish(
            SimulateCommand.run(
                .init(
                    file: file, runs: n, seed: seed, jobs: jobs, showText: showText, json: format.json,
                    color: color.color)))
    }
}
