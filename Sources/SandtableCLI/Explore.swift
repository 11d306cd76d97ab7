import ArgumentParser
import Console

/// `sandtable explore FILE`.
struct Explore: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["explore.abstract"], discussion: HelpText["explore.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["explore.file"])) var file: String
    @Option(help: ArgumentHelp(HelpText["explore.limit"])) var limit: Int = 1_000_000
    @Option(help: ArgumentHelp(HelpText["explore.seed"])) var seed: UInt64 = 1
    @Option(help: ArgumentHelp(HelpText["explore.seeds"])) var seeds: Int = 1
    @Flag(help: ArgumentHelp(HelpText["explore.noActions"])) var noActions = false
    @Flag(help: ArgumentHelp(HelpText["explore.shares"])) var shares = false
    @Option(help: HelpText.option("explore.timeLimit", value: "seconds")) var timeLimit: Double?
    @OptionGroup var format: ReportFormatOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        let strings = language.strings
        if limit < 1 { throw ValidationError(strings("invalid.atLeastOne", "--limit")) }
        if seeds < 1 { throw ValidationError(strings("invalid.atLeastOne", "--seeds")) }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError(strings("invalid.positive", "--time-limit")) }
    }

    func run() throws {
        try finish(
            ExploreCommand.run(
                .init(
                    file: file, limit: limit, seed: seed, seeds: seeds, actions: !noActions, shares: shares,
                    timeLimit: timeLimit, json: format.json, color: color.color, language: language.language)))
    }
}
