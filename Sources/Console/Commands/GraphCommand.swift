import Authoring
import Foundation
import ScenarioLanguage

/// `sandtable graph FILE --format dot|mermaid [-o PATH]`: the exercise's flow as a graph.
public enum GraphCommand {
    /// Writes the graph in `format` to `output` (standard output when nil or `-`) and returns the exit code: 0, or
    /// 1 on a compile error or when the file cannot be written.
    public static func run(file: String, format: GraphFormat, output: String?, color: ColorMode = .auto) -> Int32 {
        guard let scenario = ExerciseLoading.compile(file, color: color, report: .all) else { return 1 }
        let text = GraphExporter(scenario: scenario).render(format)
        guard let output, output != "-" else {
            print(text, terminator: "")
            return 0
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            ExerciseLoading.standardError("error: cannot write '\(output)': \(error.localizedDescription)")
            return 1
        }
        return 0
    }
}
