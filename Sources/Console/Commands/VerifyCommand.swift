import Foundation
import ScenarioLanguage
import Transcripts

/// `sandtable verify FILE [--exercise PATH] [--key-file PATH]`: checks a transcript and prints a report in English.
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
    /// - Returns: 0 valid, 1 tampered, 2 torn, 3 unreadable; 64 for an unusable key.
    public static func run(
        file: String, exercise: String?, keyFile: String?, color: ColorMode = .auto,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let paint = Paint(
            enabled: colorEnabled(mode: color, environment: environment, isTTY: TerminalSize.isStandardOutputTerminal))
        let key: TranscriptKey?
        switch TranscriptKey.load(keyFile: keyFile, environment: environment) {
        case .success(let k): key = k
        case .failure(let error):
            FileHandle.standardError.write(Data((paint.red("error: ") + error.message + "\n").utf8))
            return usageError
        }
        var notes: [String] = []
        let scenario = loadExercise(file: file, exercise: exercise, notes: &notes)
        let report = Verifier.verify(path: file, scenario: scenario, key: key)
        print(render(report, extraNotes: notes, paint: paint), terminator: "")
        return report.status.rawValue
    }

    /// Compiles the exercise to replay against, or explains in `notes` why there is none.
    static func loadExercise(file: String, exercise: String?, notes: inout [String]) -> Scenario? {
        let path: String
        if let exercise {
            path = exercise
        } else {
            guard let source = Transcript.peekHeader(path: file)?.source else { return nil }
            let candidates = PathLookup.exerciseCandidates(transcript: file, source: source)
            guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                notes.append("The exercise '\(source)' named in the transcript was not found; give it with --exercise.")
                return nil
            }
            path = found
        }
        let result = ScenarioCompiler.compile(path: path)
        guard let scenario = result.scenario else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let first = errors.first.map { ": \($0.location): \($0.message)" } ?? ""
            notes.append("The exercise '\(path)' could not be compiled (\(errors.count) errors\(first)).")
            return nil
        }
        return scenario
    }

    /// The report as text.
    static func render(_ report: VerifyReport, extraNotes: [String], paint: Paint) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        switch report.status {
        case .valid: line(paint.green("✓ valid") + ": " + report.path)
        case .tampered: line(paint.red("✗ tampered") + ": " + report.path)
        case .torn: line(paint.yellow("! torn") + ": " + report.path)
        case .unreadable: line(paint.red("✗ unreadable") + ": " + report.path)
        }
        if let h = report.header {
            let version = h.exerciseVersion.isEmpty ? "" : " (version \(h.exerciseVersion))"
            line("  exercise  \(h.exerciseID) \"\(h.exerciseTitle)\"\(version)")
            let played = h.roles.filter(\.played).map(\.id)
            line(
                "  session   started \(h.started), seed \(h.seed), played by \(played.isEmpty ? "none" : played.joined(separator: ", "))"
                    + (h.facilitated ? ", facilitated" : ""))
            line("  lines     \(report.lines)")
            let hmac =
                !h.hmac
                ? "not signed"
                : report.hmacChecked ? "every line checked with the key" : "signed, not checked (no key given)"
            line("  HMAC      \(hmac)")
            let replay = report.replayChecked ? "\(report.eventsReplayed) events reproduced" : "not checked"
            line("  replay    \(replay)")
            line("  closed    \(report.closed ? "yes" : "no")")
        }
        if !report.problems.isEmpty {
            line("")
            for p in report.problems { line("  " + p.message) }
        }
        let notes = extraNotes + report.notes
        if !notes.isEmpty {
            line("")
            for n in notes { line(paint.grey("  note: ") + n) }
        }
        return out
    }
}
