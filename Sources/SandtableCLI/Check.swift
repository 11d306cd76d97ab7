import ArgumentParser
import Console

/// `sandtable check FILE...`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check exercises for errors and warnings, like a compiler.")

    @Argument(help: "The .ttx files to check.") var files: [String]
    @Flag(help: "Treat warnings as errors.") var strict = false
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
