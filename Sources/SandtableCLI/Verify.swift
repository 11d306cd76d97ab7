import ArgumentParser
import Console

/// `sandtable verify FILE`.
struct Verify: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["verify.abstract"], discussion: HelpText["verify.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["verify.file"])) var file: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var key: KeyFileOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var language: LanguageOptions
    @Flag(help: ArgumentHelp(HelpText["verify.allowEdited"])) var allowEdited = false

    func run() throws {
        try finish(
            VerifyCommand.run(
                file: file, exercise: exercise.exercise, keyFile: key.keyFile, color: color.color,
                language: language.language, allowEdited: allowEdited))
    }
}
