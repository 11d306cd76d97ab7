import ArgumentParser
import Authoring
import Console

/// `sandtable simulate FILE`.
struct Simulate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["simulate.abstract"], discussion: HelpText["simulate.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["simulate.file"])) var file: String
    @Option(name: .short, help: ArgumentHelp(HelpText["simulate.n"])) var n: Int = 1000
    @Option(help: ArgumentHelp(HelpText["simulate.seed"])) var seed: UInt64 = 1
    @Option(help: ArgumentHelp(HelpText["simulate.jobs"])) var jobs: Int = 1
    @Flag(help: ArgumentHelp(HelpText["simulate.showText"])) var showText = false
    @Option(help: ArgumentHelp(HelpText["simulate.policy"])) var policy: SimulationPolicy = .random
    @OptionGroup var format: ReportFormatOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        let strings = language.strings
        if n < 1 { throw ValidationError(strings("invalid.atLeastOne", "-n")) }
        if jobs < 1 { throw ValidationError(strings("invalid.atLeastOne", "--jobs")) }
        if showText && format.json { throw ValidationError(strings["invalid.showTextJSON"]) }
    }

    func run() throws {
        try finish(
            SimulateCommand.run(
                .init(
                    file: file, runs: n, seed: seed, jobs: jobs, showText: showText, json: format.json, policy: policy,
                    color: color.color, language: language.language)))
    }
}
