import ArgumentParser
import Console
import Debrief

/// `sandtable debrief FILE...`.
struct Debrief: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["debrief.abstract"], discussion: HelpText["debrief.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["debrief.files"])) var files: [String]
    @Option(help: ArgumentHelp(HelpText["debrief.format"])) var format: DebriefFormat = .markdown
    @OptionGroup var output: OutputFileOptions
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var language: LanguageOptions
    @Option(help: ArgumentHelp(HelpText["debrief.due"])) var due: String = ""
    @OptionGroup var key: KeyFileOptions
    @Option(help: ArgumentHelp(HelpText["debrief.summary"], valueName: "file")) var summary: String?

    func run() throws {
        let arguments = DebriefCommand.Arguments(
            files: files, format: format, output: output.output, exercise: exercise.exercise,
            language: language.language, due: due, keyFile: key.keyFile, summary: summary)
        try finish(DebriefCommand.run(arguments))
    }
}
