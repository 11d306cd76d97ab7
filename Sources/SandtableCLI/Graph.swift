import ArgumentParser
import Authoring
import Console

/// `sandtable graph FILE --format dot|mermaid`.
struct Graph: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText["graph.abstract"]) }

    @Argument(help: ArgumentHelp(HelpText["graph.file"])) var file: String
    @Option(help: ArgumentHelp(HelpText["graph.format"])) var format: GraphFormat
    @OptionGroup var output: OutputFileOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var language: LanguageOptions

    func run() throws {
        try finish(
            GraphCommand.run(
                file: file, format: format, output: output.output, color: color.color, language: language.language))
    }
}
