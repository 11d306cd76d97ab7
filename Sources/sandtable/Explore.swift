import ArgumentParser
import Console
import Foundation

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore every decision of an exercise: reachable content and the best and worst scores.",
        discussion: """
            Tries every choice of every role, every option, lead call and arbitration, and (unless --no-actions) \
            every action and request answer at every decision point, merging identical states. Chance is drawn \
            from the seed; --seeds N explores N seeds from --seed. Stops at --limit distinct states and says so.
            """)

    @Argument(help: "The exercise (.ttx) to explore.") var file: String
    @Option(help: "The most distinct states to explore.") var limit: Int = 1_000_000
    @Option(help: "The first seed.") var seed: UInt64 = 1
    @Option(help: "How many seeds to explore, from --seed (each draws chance differently).") var seeds: Int = 1
    @Flag(help: "Never take actions or answer requests.") var noActions = false
    @Flag(help: "Also try sharing each known item with all (exercises with open sharing).") var shares = false
    @Option(help: "Stop after this many seconds.") var timeLimit: Double?
    @Option(help: "Output format: text or json.") var format: String = "text"
    @Option(help: "Colour of diagnostics: auto, always or never.") var color: String = "auto"

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if seeds < 1 { throw ValidationError("--seeds must be at least 1") }
        if let timeLimit, timeLimit <= 0 { throw ValidationError("--time-limit must be positive") }
        if format != "text" && format != "json" { throw ValidationError("--format must be text or json") }
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
    }

    func run() throws {
        let code = ExploreCommand.run(
            .init(
                file: file, limit: limit, seed: seed, seeds: seeds, actions: !noActions, shares: shares,
                timeLimit: timeLimit, json: format == "json", color: ColorMode(rawValue: color) ?? .auto))
        if code != 0 { throw ExitCode(code) }
    }
}
