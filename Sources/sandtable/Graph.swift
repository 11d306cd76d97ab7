import ArgumentParser
import Console
import Foundation

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw an exercise's scenes, choices, jumps, injects and endings as a graph (DOT or Mermaid).")

    @Argument(help: "The exercise (.ttx) to draw.") var file: String
    @Option(help: "Output format: dot or mermaid.") var format: String
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "Colour of diagnostics: auto, always or never.") var color: String = "auto"

    func validate() throws {
        if !GraphCommand.formats.contains(format) { throw ValidationError("--format must be dot or mermaid") }
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
    }

    func run() throws {
        let code = GraphCommand.run(
            file: file, format: format, output: output, color: ColorMode(rawValue: color) ?? .auto)
        if code != 0 { throw ExitCode(code) }
    }
}
