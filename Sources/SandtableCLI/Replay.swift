import ArgumentParser
import Console

/// `sandtable replay FILE`.
struct Replay: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["replay.abstract"], discussion: HelpText["replay.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["replay.file"])) var file: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var key: KeyFileOptions

    func run() throws {
        try finish(
            ReplayCommand.run(
                file: file, exercise: exercise.exercise, language: language.language, keyFile: key.keyFile,
                color: color.color))
    }
}
