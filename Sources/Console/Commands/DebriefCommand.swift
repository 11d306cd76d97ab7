import Debrief
import Foundation
import Localization
import ScenarioLanguage
import TerminalText
import Transcripts

/// `sandtable debrief FILE... [--format md|html|json] [-o PATH] [--exercise PATH] [--lang zh|en] [--due DATE] [--summary FILE]`: the
/// after-action report of one session, or of a cohort when given several transcripts of the same exercise.
///
/// A single transcript that is damaged, tampered with, or does not replay stops the command (exit 1). In a cohort,
/// such transcripts are skipped with a message on standard error and listed in the report; the command fails only
/// when none is left. Transcripts of different exercises are refused (exit 2).
public enum DebriefCommand {
    /// What `debrief` was asked to do.
    public struct Arguments: Sendable {
        /// The transcripts.
        public var files: [String]
        /// The output format.
        public var format: DebriefFormat
        /// Where to write the report (nil: standard output).
        public var output: String?
        /// The exercise to replay against (nil: the one the first transcript names).
        public var exercise: String?
        /// The report's language (nil: the first transcript's UI language).
        public var language: UILanguage?
        /// The due date for the improvement plan (empty: left blank).
        public var due: String
        /// A file holding the facilitator's HMAC key (nil: `SANDTABLE_HMAC_KEY`, if set).
        public var keyFile: String?
        /// A notes file with the facilitator's assessment for the executive summary (nil: generated part only).
        public var summary: String?

        /// Creates arguments.
        public init(
            files: [String], format: DebriefFormat, output: String?, exercise: String?, language: UILanguage?,
            due: String,
            keyFile: String?, summary: String? = nil
        ) {
            self.files = files
            self.format = format
            self.output = output
            self.exercise = exercise
            self.language = language
            self.due = due
            self.keyFile = keyFile
            self.summary = summary
        }
    }

    /// The exit code when nothing could be reported.
    public static let failure: Int32 = 1
    /// The exit code for a bad command line: transcripts of different exercises, an unusable key or exercise.
    public static let usageError: Int32 = 2

    /// Runs the command; returns the exit code.
    public static func run(
        _ arguments: Arguments, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let format = arguments.format
        var headers: [(path: String, header: TranscriptHeader?)] = []
        for file in arguments.files { headers.append((file, Transcript.peekHeader(path: file))) }
        // Messages speak the report's language: --lang, else the first readable transcript's, else the locale's.
        let firstUILanguage = headers.lazy.compactMap { $0.header?.uiLanguage }.first
        let strings = Strings(
            .commands,
            language: arguments.language ?? firstUILanguage.flatMap(UILanguage.init(argument:))
                ?? UILanguage.detect(explicit: nil, environment: environment))
        let complain = { (message: String) in Self.complain(message, strings: strings) }
        guard !arguments.files.isEmpty else {
            complain(strings["debrief.noFiles"])
            return usageError
        }
        let key: TranscriptKey?
        switch TranscriptKey.load(keyFile: arguments.keyFile, environment: environment) {
        case .success(let k): key = k
        case .failure(let error):
            complain(error.message(in: strings.language))
            return usageError
        }
        // Every transcript must be of the same exercise.
        let exerciseIDs = Set(headers.compactMap { $0.header?.exerciseID })
        if exerciseIDs.count > 1 {
            var message = strings["debrief.mixed"]
            for id in exerciseIDs.sorted() {
                let files = headers.filter { $0.header?.exerciseID == id }.map(\.path)
                message += "\n  \(id): " + files.joined(separator: ", ")
            }
            complain(message)
            return usageError
        }
        guard let first = headers.first(where: { $0.header != nil }), let firstHeader = first.header else {
            for (path, _) in headers {
                complain(strings("debrief.cannot", path, strings["command.notATranscript"]))
            }
            return failure
        }
        var notes: [String] = []
        guard
            let scenario = VerifyCommand.loadExercise(
                file: first.path, exercise: arguments.exercise, strings: strings, notes: &notes)
        else {
            for note in notes { complain(note) }
            if notes.isEmpty {
                complain(strings("exercise.unnamed", first.path))
            }
            return usageError
        }
        let language =
            arguments.language ?? UILanguage(argument: firstHeader.uiLanguage) ?? .en
        var summaryNotes = ""
        if let path = arguments.summary {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                complain(strings("debrief.summaryUnreadable", path))
                return usageError
            }
            summaryNotes = text
        }
        let options = DebriefOptions(language: language, due: arguments.due, summaryNotes: summaryNotes)

        var text: String
        if arguments.files.count == 1 {
            switch Debrief.session(path: first.path, scenario: scenario, key: key) {
            case .success(let report):
                text = Debrief.render(report, format: format, options: options)
            case .failure(let error):
                complain(error.message)
                return failure
            }
        } else {
            var reports: [SessionReport] = []
            var skipped: [CohortReport.Skipped] = []
            for (path, header) in headers {
                guard header != nil else {
                    let reason = strings["command.notATranscript"]
                    complain(strings("debrief.skippedFile", path, reason))
                    skipped.append(CohortReport.Skipped(path: path, reason: reason))
                    continue
                }
                switch Debrief.session(path: path, scenario: scenario, key: key) {
                case .success(let report): reports.append(report)
                case .failure(let error):
                    complain(strings("debrief.skipped", error.message))
                    skipped.append(CohortReport.Skipped(path: path, reason: error.message))
                }
            }
            guard !reports.isEmpty else {
                complain(strings["debrief.nothing"])
                return failure
            }
            text = Debrief.render(Debrief.cohort(reports, skipped: skipped), format: format, options: options)
        }
        // Notes and answers come from the transcript: no escape sequence of theirs reaches a terminal or a file.
        text = SafeText.sanitized(text)
        if let output = arguments.output, output != "-" {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                complain(strings("command.cannotWrite", output, error.localizedDescription))
                return failure
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        return 0
    }

    private static func complain(_ message: String, strings: Strings) {
        FileHandle.standardError.write(Data((strings["debrief.prefix"] + message + "\n").utf8))
    }
}
