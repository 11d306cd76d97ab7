import ArgumentParser
import Authoring
import Console

/// `sandtable graph FILE --format dot|mermaid`.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw an exercise's scenes, choices, jumps, injects and endings as a graph (DOT or Mermaid).")

    @Argument(help: "The exercise (.ttx) to draw.") var file: String
    @Option(help: "The kind of graph: Graphviz DOT or a Mermaid flowchart.") var format: GraphFormat
    @OptionGroup var output: OutputFileOptions
    @OptionGroup var color: ColorOptions

    func run() throws {
        try finish(GraphCommand.run(file: file, format: format, output: output.output, color: color.color))
    }
}
