import Authoring
import Foundation
import ScenarioLanguage

/// `sandtable graph FILE --format dot|mermaid [-o PATH]`: the exercise's flow as a graph.
public enum GraphCommand {
    /// The formats `--format` accepts.
    public static let formats = GraphFormat.allCases.map(\.rawValue)

    /// Writes the graph in `format` (`dot` or `mermaid`) to `output` (standard output when nil or `-`) and returns
    /// the exit code: 0, 1 on a compile error or when the file cannot be written, 2 for an unknown format.
    public static func run(file: String, format: String, output: String?, color: ColorMode = .auto) -> Int32 {
        guard let format = GraphFormat(rawValue: format) else {
            AuthoringIO.standardError("error: --format must be \(formats.joined(separator: " or "))")
            return 2
        }
        guard let scenario = AuthoringIO.compile(file, color: color) else { return 1 }
        let text = GraphExporter(scenario: scenario).render(format)
        guard let output, output != "-" else {
            print(text, terminator: "")
            return 0
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            AuthoringIO.standardError("error: cannot write '\(output)': \(error.localizedDescription)")
            return 1
        }
        return 0
    }
}
