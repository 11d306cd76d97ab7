import Foundation
import Localization
import ScenarioLanguage

/// The preamble every command that works on an exercise shares: compile it, and when it does not compile, print
/// its diagnostics on standard error the way `sandtable check` does (with excerpts, coloured on a terminal).
enum ExerciseLoading {
    /// Which diagnostics a failed compilation prints.
    enum Report {
        /// Every diagnostic, warnings included, then `check`'s summary line (`simulate`, `explore`, `graph`: an
        /// author's tools).
        case all
        /// The errors only, then "cannot start" (`play`, `resume`: the trainees need not read the warnings).
        case errorsOnly
    }

    /// Compiles the exercise at `path`; nil, after printing `report`'s diagnostics, when it has errors. They are
    /// in `language`, else the locale's, else (under the C locale) the language the exercise declares, as `check`
    /// chooses.
    static func compile(_ path: String, color: ColorMode, report: Report, language: UILanguage? = nil) -> Scenario? {
        let result = ScenarioCompiler.compile(path: path)
        if let scenario = result.scenario { return scenario }
        let environment = ProcessInfo.processInfo.environment
        let ui = UILanguage.detect(
            explicit: language?.rawValue, environment: environment, contentLanguage: result.declaredLanguage)
        let paint = Paint(enabled: colorEnabled(mode: color, environment: environment, isTTY: isatty(2) == 1))
        let printer = DiagnosticPrinter(
            sources: CheckCommand.loadSources(path, result.diagnostics), paint: paint, language: ui)
        switch report {
        case .all:
            for d in result.diagnostics { standardError(printer.render(d)) }
            standardError(DiagnosticPrinter.summary(result.diagnostics, language: ui))
        case .errorsOnly:
            for d in result.diagnostics where d.severity == .error { standardError(printer.render(d)) }
            standardError(Strings(.commands, language: ui)("play.cannotStart", path))
        }
        return nil
    }

    /// Writes `text` and a line break on standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
