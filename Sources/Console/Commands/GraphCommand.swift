import Authoring
import Foundation
import Localization
import ScenarioLanguage

/// `sandtable graph FILE --format dot|mermaid [-o PATH]`: the exercise's flow as a graph.
public enum GraphCommand {
    /// Writes the graph in `format` to `output` (standard output when nil or `-`) and returns the exit code: 0, or
    /// 1 on a compile error or when the file cannot be written. Messages are in `language`, else the locale's (under
    /// the C locale, the exercise's).
    public static func run(
        file: String, format: GraphFormat, output: String?, color: ColorMode = .auto, language: UILanguage? = nil
    ) -> Int32 {
        guard let scenario = ExerciseLoading.compile(file, color: color, report: .all, language: language) else {
            return 1
        }
        let text = GraphExporter(scenario: scenario).render(format)
        guard let output, output != "-" else {
            print(text, terminator: "")
            return 0
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            let strings = Strings(
                .commands,
                language: UILanguage.detect(
                    explicit: language?.rawValue, environment: ProcessInfo.processInfo.environment,
                    contentLanguage: scenario.header.language))
            ExerciseLoading.standardError(
                strings["command.error"] + strings("command.cannotWrite", output, error.localizedDescription))
            return 1
        }
        return 0
    }
}
