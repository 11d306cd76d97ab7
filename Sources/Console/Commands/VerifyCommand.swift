import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import TerminalText
import Transcripts

/// `sandtable verify FILE [--exercise PATH] [--key-file PATH] [--lang zh|en]`: checks a transcript and prints a
/// report.
public enum VerifyCommand {
    /// The exit code for a bad command line (a key file that cannot be read, an empty key).
    public static let usageError: Int32 = 64

    /// Verifies the transcript at `file` and prints the report on standard output.
    /// - Parameters:
    ///   - file: The transcript.
    ///   - exercise: The exercise to replay against; nil uses the `source` the header names (looked up as given,
    ///     then beside the transcripts folder).
    ///   - keyFile: The facilitator's key file; nil uses the `SANDTABLE_HMAC_KEY` environment variable, if set.
    ///   - color: Whether to colour the verdict.
    ///   - language: The report's language; nil for the locale's (under the C locale, the session's).
    ///   - allowEdited: Accept content recorded with an edited exercise (see ``Verifier/verify(path:scenario:key:allowEdited:)``).
    /// - Returns: 0 valid, 1 tampered, 2 torn, 3 unreadable, 4 unverified; 64 for an unusable key.
    public static func run(
        file: String, exercise: String?, keyFile: String?, color: ColorMode = .auto, language: UILanguage? = nil,
        allowEdited: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let paint = Paint(
            enabled: colorEnabled(mode: color, environment: environment, isTTY: TerminalSize.isStandardOutputTerminal))
        let header = Transcript.peekHeader(path: file)
        let strings = Strings(
            .commands,
            language: UILanguage.detect(
                explicit: language?.rawValue, environment: environment, contentLanguage: header?.uiLanguage))
        let key: TranscriptKey?
        switch TranscriptKey.load(keyFile: keyFile, environment: environment) {
        case .success(let k): key = k
        case .failure(let error):
            let message = paint.red(strings["command.error"]) + error.message(in: strings.language)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return usageError
        }
        var notes: [String] = []
        let scenario = loadExercise(file: file, exercise: exercise, strings: strings, notes: &notes)
        let report = Verifier.verify(path: file, scenario: scenario, key: key, allowEdited: allowEdited)
        let text = render(report, extraNotes: notes, paint: paint, strings: strings)
        print(SafeText.sanitized(keepingStyles: text), terminator: "")
        return report.status.rawValue
    }

    /// Compiles the exercise to replay against, or explains in `notes` (in `strings`' language) why there is none.
    static func loadExercise(file: String, exercise: String?, strings: Strings, notes: inout [String]) -> Scenario? {
        guard let path = exercisePath(file: file, exercise: exercise, strings: strings, notes: &notes) else {
            return nil
        }
        return compileExercise(path, strings: strings, notes: &notes)
    }

    /// Where the exercise of a transcript is: `exercise` when given, else the file its header names, looked for
    /// beside the transcript and from the current folder. Nil (with a note when it was named but not found) when
    /// there is none.
    static func exercisePath(
        file: String, exercise: String?, header: TranscriptHeader? = nil, strings: Strings, notes: inout [String]
    ) -> String? {
        if let exercise { return exercise }
        guard let source = (header ?? Transcript.peekHeader(path: file))?.source else { return nil }
        let candidates = PathLookup.exerciseCandidates(transcript: file, source: source)
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            notes.append(strings("exercise.notFound", source))
            return nil
        }
        return found
    }

    /// Compiles the exercise at `path`; nil, with a note naming its first error, when it does not compile.
    static func compileExercise(_ path: String, strings: Strings, notes: inout [String]) -> Scenario? {
        let result = ScenarioCompiler.compile(path: path)
        guard let scenario = result.scenario else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            var count = strings.plural("exercise.errors", count: errors.count)
            if let first = errors.first {
                count = strings(
                    "exercise.firstError", count, String(describing: first.location),
                    first.message.text(in: strings.language))
            }
            notes.append(strings("exercise.broken", path, count))
            return nil
        }
        return scenario
    }

    /// The report as text.
    static func render(_ report: VerifyReport, extraNotes: [String], paint: Paint, strings: Strings) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        let status =
            switch report.status {
            case .valid: paint.green(strings["verify.valid"])
            case .tampered: paint.red(strings["verify.tampered"])
            case .torn: paint.yellow(strings["verify.torn"])
            case .unreadable: paint.red(strings["verify.unreadable"])
            case .unverified: paint.yellow(strings["verify.unverified"])
            }
        line(strings("verify.statusLine", status, report.path))
        if let h = report.header {
            let version = h.exerciseVersion.isEmpty ? "" : strings("verify.version", h.exerciseVersion)
            let played = h.roles.filter(\.played).map(\.id)
            let who = played.isEmpty ? strings["verify.nobody"] : played.joined(separator: ", ")
            let hmac =
                !h.hmac
                ? strings["verify.hmac.unsigned"]
                : strings[report.hmacChecked ? "verify.hmac.checked" : "verify.hmac.unchecked"]
            let rows: [(String, String)] = [
                ("verify.exercise", strings("verify.exerciseValue", h.exerciseID, h.exerciseTitle) + version),
                (
                    "verify.session",
                    strings("verify.sessionValue", h.started, String(h.seed), who)
                        + (h.facilitated ? strings["verify.facilitated"] : "")
                ),
                ("verify.lines", String(report.lines)),
                ("verify.hmac", hmac),
                (
                    "verify.replay",
                    report.replayChecked
                        ? strings("verify.replay.checked", String(report.eventsReplayed))
                        : strings["verify.replay.unchecked"]
                ),
                ("verify.closed", strings[report.closed ? "verify.yes" : "verify.no"]),
            ]
            // Labels padded by display width, two columns past the widest: `exercise  ` in English.
            let width = rows.map { strings[$0.0].displayWidth }.max() ?? 0
            for (label, value) in rows { line("  " + TextLayout.pad(strings[label], toWidth: width + 2) + value) }
        }
        var problems = report.problems.map { $0.error?.lineMessage(in: strings.language) ?? $0.message }
        if let from = report.uncheckedFrom {
            if report.status == .unverified {
                let hint = report.notes.contains(.replaySkippedNoExercise) ? "noExercise" : "edited"
                problems.append(strings("verify.uncheckedFrom", String(from), strings["verify.uncheckedFrom.\(hint)"]))
            } else if report.status == .valid {
                problems.append(strings("verify.allowedEdited", String(from)))
            }
        }
        if !problems.isEmpty {
            line("")
            for p in problems { line("  " + p) }
        }
        let notes = extraNotes + report.notes.map { note(strings, $0) }
        if !notes.isEmpty {
            line("")
            for n in notes { line(paint.grey("  " + strings["command.note"]) + n) }
        }
        return out
    }

    /// A verifier's note in the report's language.
    static func note(_ strings: Strings, _ note: VerifyReport.Note) -> String {
        switch note {
        case .signedButNoKey: strings("verify.note.signedButNoKey", TranscriptKey.environmentVariable)
        case .unsigned: strings["verify.note.unsigned"]
        case .replaySkippedDamaged: strings["verify.note.damaged"]
        case .replaySkippedNoExercise: strings["verify.note.noExercise"]
        case .replaySkippedExerciseChanged: strings["verify.note.exerciseChanged"]
        case .replaySkippedScoringChanged(let recorded):
            strings("verify.note.scoringChanged", String(recorded), String(Session.scoringVersion))
        case .resumedWithForce(let line): strings("verify.note.forced", String(line))
        case .anonymousRatings(let signed): strings[signed ? "verify.note.anonymousSigned" : "verify.note.anonymous"]
        case .closingRecordMissing: strings["verify.note.closingMissing"]
        case .unfinished: strings["verify.note.unfinished"]
        }
    }
}
