import ArgumentParser
import Console

/// `sandtable check FILE...`.
struct Check: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText["check.abstract"]) }

    @Argument(help: ArgumentHelp(HelpText["check.files"])) var files: [String]
    @Flag(help: ArgumentHelp(HelpText["check.strict"])) var strict = false
    @OptionGroup var format: ReportFormatOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var language: LanguageOptions

    func run() throws {
        try finish(
            CheckCommand.run(
                files: files, strict: strict, json: format.json, color: color.color,
                language: language.language?.rawValue))
    }
}
