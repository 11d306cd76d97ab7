import ArgumentParser
import Console

/// `sandtable explore FILE`.
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
    @Option(help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds")) var timeLimit: Double?
    @OptionGroup var format: ReportFormatOptions
    @OptionGroup var color: ColorOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if seeds < 1 { throw ValidationError("--seeds must be at least 1") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
    }

    func run() throws {
        try finish(
            ExploreCommand.run(
                .init(
                    file: file, limit: limit, seed: seed, seeds: seeds, actions: !noActions, shares: shares,
                    timeLimit: timeLimit, json: format.json, color: color.color)))
    }
}
