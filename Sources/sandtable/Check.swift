import ArgumentParser
import Console

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check exercises for errors and warnings, like a compiler.")

    @Argument(help: "The .ttx files to check.") var files: [String]
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "Output format: text or json.") var format: String = "text"
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"

    func validate() throws {
        if format != "text" && format != "json" { throw ValidationError("--format must be text or json") }
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
    }

    func run() throws {
        let code = CheckCommand.run(
            files: files, strict: strict, json: format == "json", color: ColorMode(rawValue: color) ?? .auto)
        if code != 0 { throw ExitCode(code) }
    }
}
