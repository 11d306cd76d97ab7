import ArgumentParser
import Console

/// `sandtable export FILE... --format csv|sqlite -o PATH`.
struct Export: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["export.abstract"], discussion: HelpText["export.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["export.files"])) var files: [String]
    @Option(help: ArgumentHelp(HelpText["export.format"])) var format: ExportCommand.Format
    @Option(name: [.short, .customLong("output")], help: HelpText.option("export.output", value: "path"))
    var output: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var key: KeyFileOptions
    @Flag(help: ArgumentHelp(HelpText["export.bom"])) var bom = false
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if bom && format != .csv { throw ValidationError(language.strings["invalid.bomCSV"]) }
    }

    func run() throws {
        let arguments = ExportCommand.Arguments(
            files: files, format: format, output: output, exercise: exercise.exercise, keyFile: key.keyFile,
            byteOrderMark: bom, language: language.language)
        try finish(ExportCommand.run(arguments))
    }
}

extension ExportCommand.Format: ExpressibleByArgument {}
