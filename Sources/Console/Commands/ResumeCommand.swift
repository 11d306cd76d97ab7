import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import SystemPackage
import TerminalText
import Transcripts

/// `sandtable resume FILE`: rebuilds a session from its transcript and goes on writing the same file.
public enum ResumeCommand {
    /// Resumes and plays on; returns the exit code.
    public static func run(
        file: String, exercise: String?, force: Bool, facilitator: Bool = false, keyFile: String?,
        language: UILanguage?, color: ColorMode, privacyScreen: Bool = true
    )
        -> Int32
    {
        let environment = ProcessInfo.processInfo.environment
        let paint = Paint(enabled: colorEnabled(mode: color, environment: environment, isTTY: isatty(2) == 1))
        guard let header = Transcript.peekHeader(path: file) else {
            let strings = Strings(
                .commands, language: UILanguage.detect(explicit: language?.rawValue, environment: environment))
            // An exercise given to resume: say how to play it.
            let why =
                FileManager.default.fileExists(atPath: file) && FilePath(file).extension == "ttx"
                ? strings("resume.isExercise", file) : strings["command.notATranscript"]
            PlayCommand.standardError(paint("✗ ", .red) + strings("resume.cannot", file, why))
            return 3
        }
        let ui = UILanguage.detect(explicit: language?.rawValue ?? header.uiLanguage, environment: environment)
        let strings = Strings(.commands, language: ui)
        guard let source = exercise ?? header.source else {
            PlayCommand.standardError(strings("resume.noExercise"))
            return 2
        }
        guard
            let scenario = ExerciseLoading.compile(source, color: color, report: .errorsOnly, language: ui)
        else { return 1 }
        let key: TranscriptKey?
        switch TranscriptKey.load(keyFile: keyFile, environment: environment) {
        case .success(let k): key = k
        case .failure(let error):
            PlayCommand.standardError(paint("✗ ", .red) + error.message(in: ui))
            return 2
        }
        let resumed: ResumedSession
        switch Resumer.load(
            path: file, scenario: scenario, force: force, key: key, facilitator: facilitator,
            tool: SandtableVersion.string)
        {
        case .success(let r): resumed = r
        case .failure(let error):
            PlayCommand.standardError(paint("✗ ", .red) + error.message(in: ui))
            return 1
        }
        for note in resumed.notes {
            print(SafeText.sanitized(keepingStyles: paint.yellow("! ") + note.message(in: ui)))
        }
        print(SafeText.sanitized(keepingStyles: paint.bold(strings("resume.resumed", scenario.header.title, file))))
        let arguments = PlayCommand.Arguments(
            file: source, roles: nil, seed: resumed.session.seed, facilitator: resumed.session.facilitated,
            language: ui,
            color: color, outDirectory: PathLookup.folder(of: file), noTranscript: false,
            keyFile: keyFile, privacyScreen: privacyScreen)
        // Show the current scene again; the rest of the history stays available to `log`.
        let lastScene = resumed.events.lastIndex { if case .sceneEntered = $0.kind { true } else { false } } ?? 0
        return PlayCommand.runRepl(
            session: resumed.session, events: Array(resumed.events[lastScene...]), recorder: resumed.writer,
            arguments: arguments, language: ui, resumed: true, earlier: Array(resumed.events[..<lastScene]),
            seat: resumed.lastActor)
    }
}
