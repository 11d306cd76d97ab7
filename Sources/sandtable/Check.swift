import ArgumentParser
import Console

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check exercises for errors and warnings, like a compiler.")

    @Argument(help: "The .ttx files to check.") var files: [String]
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "Output format: text or json.") var format: String = "text"
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"
    @Option(
        help: "Language of the messages: zh or en (default: the locale's; under C/POSIX, the exercise's language).")
    var lang: String?

    func validate() throws {
        if format != "text" && format != "json" { throw ValidationError("--format must be text or json") }
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang must be zh or en") }
    }

    func run() throws {
        let code = CheckCommand.run(
            files: files, strict: strict, json: format == "json", color: ColorMode(rawValue: color) ?? .auto,
            language: lang)
        if code != 0 { throw ExitCode(code) }
    }
}
