import ArgumentParser
import Console

/// `sandtable resume FILE`.
struct Resume: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText["resume.abstract"]) }

    @Argument(help: ArgumentHelp(HelpText["resume.file"])) var file: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @Flag(help: ArgumentHelp(HelpText["resume.force"])) var force = false
    @Flag(help: ArgumentHelp(HelpText["resume.facilitator"])) var facilitator = false
    @OptionGroup var key: KeyFileOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions
    @Flag(help: ArgumentHelp(HelpText["play.noPrivacyScreen"])) var noPrivacyScreen = false

    func run() throws {
        try finish(
            ResumeCommand.run(
                file: file, exercise: exercise.exercise, force: force, facilitator: facilitator, keyFile: key.keyFile,
                language: language.language, color: color.color, privacyScreen: !noPrivacyScreen))
    }
}
