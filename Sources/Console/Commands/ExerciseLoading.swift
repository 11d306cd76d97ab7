import Foundation
import Localization
import ScenarioLanguage
import Transcripts

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
            refuse(path, result.diagnostics, printer: printer, paint: paint, language: ui)
        }
        return nil
    }

    /// How many errors `play` and `resume` print before they say how many more there are.
    static let errorCap = 10

    /// Why `play` or `resume` cannot start an exercise, said so that the next command is clear: a transcript
    /// given to `play` (resume it), a file that is not an exercise at all, a file that cannot be read, or an
    /// exercise with errors (at most ``errorCap`` of them shown, `check` lists the rest).
    private static func refuse(
        _ path: String, _ diagnostics: [Diagnostic], printer: DiagnosticPrinter, paint: Paint, language: UILanguage
    ) {
        let s = Strings(.commands, language: language)
        let cross = paint("✗ ", .red)
        if Transcript.peekHeader(path: path) != nil {
            return standardError(cross + s("play.isTranscript", path))
        }
        let errors = diagnostics.filter { $0.severity == .error }
        if let unreadable = errors.first(where: { $0.code == .unreadableFile || $0.code == .notText }) {
            standardError(printer.render(unreadable))
            return standardError(s("play.cannotRead", path))
        }
        if errors.contains(where: { $0.code == .missingHeader }) && errors.count > errorCap {
            return standardError(cross + s.plural("play.notAnExercise", count: errors.count, path))
        }
        for d in errors.prefix(errorCap) { standardError(printer.render(d)) }
        if errors.count > errorCap {
            standardError(s.plural("play.moreErrors", count: errors.count - errorCap, path))
        }
        standardError(s("play.cannotStart", path))
    }

    /// Writes `text` and a line break on standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
