import Debrief
import Export
import Foundation
import Localization
import ScenarioLanguage
import Transcripts

/// `sandtable export FILE... --format csv|sqlite -o PATH [--exercise PATH] [--key-file PATH] [--bom]`: the
/// results of sessions as tables an analyst can open: CSV files (one per table) or one SQLite database.
///
/// Each transcript is replayed as `debrief` replays it, one at a time (memory does not grow with the cohort), and
/// its rows are written at once. Transcripts of different exercises may be mixed: each is replayed against its own
/// exercise. A transcript that is not one, is damaged, tampered with or does not replay is skipped with a message
/// on standard error and listed in the `skipped` table. Nothing is in place at the target until the export is
/// complete.
public enum ExportCommand {
    /// The formats `export` writes.
    public enum Format: String, Sendable, CaseIterable {
        /// One CSV file per table, in a folder.
        case csv
        /// One SQLite database.
        case sqlite
    }

    /// What `export` was asked to do.
    public struct Arguments: Sendable {
        /// The transcripts.
        public var files: [String]
        /// The format.
        public var format: Format
        /// The folder (csv) or the database file (sqlite).
        public var output: String
        /// The exercise to replay against (nil: the one each transcript names).
        public var exercise: String?
        /// A file holding the facilitator's HMAC key (nil: `SANDTABLE_HMAC_KEY`, if set).
        public var keyFile: String?
        /// Whether CSV files start with a UTF-8 byte-order mark (for spreadsheet programs).
        public var byteOrderMark: Bool
        /// The messages' language (nil: the locale's).
        public var language: UILanguage?

        /// Creates arguments.
        public init(
            files: [String], format: Format, output: String, exercise: String?, keyFile: String?,
            byteOrderMark: Bool, language: UILanguage?
        ) {
            self.files = files
            self.format = format
            self.output = output
            self.exercise = exercise
            self.keyFile = keyFile
            self.byteOrderMark = byteOrderMark
            self.language = language
        }
    }

    /// The exit code when nothing could be exported or the target could not be written.
    public static let failure: Int32 = 1
    /// The exit code for a bad command line (no transcripts, an unusable key).
    public static let usageError: Int32 = 2

    /// Runs the command; returns the exit code.
    public static func run(
        _ arguments: Arguments, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let strings = Strings(
            .commands, language: arguments.language ?? UILanguage.detect(explicit: nil, environment: environment))
        let complain = { (message: String) in
            FileHandle.standardError.write(Data((strings["export.prefix"] + message + "\n").utf8))
        }
        guard !arguments.files.isEmpty else {
            complain(strings["export.noFiles"])
            return usageError
        }
        let key: TranscriptKey?
        switch TranscriptKey.load(keyFile: arguments.keyFile, environment: environment) {
        case .success(let k): key = k
        case .failure(let error):
            complain(error.message(in: strings.language))
            return usageError
        }
        let sink: ExportSink
        do {
            switch arguments.format {
            case .csv: sink = try CSVExport(directory: arguments.output, byteOrderMark: arguments.byteOrderMark)
            case .sqlite: sink = try SQLiteExport(path: arguments.output)
            }
        } catch {
            complain(message(error, strings: strings))
            return failure
        }

        var exercises = ExerciseCache(override: arguments.exercise)
        var keys: Set<String> = []
        var exported = 0
        var skipped: [[ExportValue]] = []
        for file in arguments.files {
            func skip(_ reason: String) {
                complain(strings("export.skipped", file, reason))
                skipped.append([.text(file), .text(reason)])
            }
            guard let header = Transcript.peekHeader(path: file) else {
                skip(strings["command.notATranscript"])
                continue
            }
            var notes: [String] = []
            guard let scenario = exercises.scenario(for: file, header: header, strings: strings, notes: &notes) else {
                skip(notes.first ?? strings("exercise.unnamed", file))
                continue
            }
            switch Debrief.session(path: file, scenario: scenario, key: key) {
            case .failure(let error):
                skip(error.message)
            case .success(let report):
                let rows = report.exportRows(session: uniqueKey(for: file, taken: &keys))
                do {
                    try sink.append(rows)
                } catch {
                    complain(message(error, strings: strings))
                    return failure
                }
                exported += 1
            }
        }
        guard exported > 0 else {
            complain(strings["export.nothing"])
            return failure
        }
        do {
            try sink.append(ExportRows(tables: ["skipped": skipped]))
            try sink.finish()
        } catch {
            complain(message(error, strings: strings))
            return failure
        }
        let summary = strings.plural(
            "export.done", count: exported, arguments.format.rawValue, CommandText.quoted(arguments.output))
        print(skipped.isEmpty ? summary : summary + strings.plural("export.doneSkipped", count: skipped.count))
        return 0
    }

    /// A session's key: the transcript's file name without `.jsonl`, made unique with `-2`, `-3`… when two files in
    /// different folders share a name.
    static func uniqueKey(for file: String, taken: inout Set<String>) -> String {
        var name = URL(fileURLWithPath: file).lastPathComponent
        if name.hasSuffix(".jsonl") { name.removeLast(6) }
        var key = name
        var n = 2
        while !taken.insert(key).inserted {
            key = "\(name)-\(n)"
            n += 1
        }
        return key
    }

    private static func message(_ error: Error, strings: Strings) -> String {
        switch error as? ExportError {
        case .notAFolder(let path)?: return strings("export.notAFolder", path)
        case .isAFolder(let path)?: return strings("export.isAFolder", path)
        case .cannotWrite(let path, let reason)?: return strings("command.cannotWrite", path, reason)
        case .database(let path, let reason)?: return strings("export.database", path, reason)
        case nil: return String(describing: error)
        }
    }
}

/// Exercises compiled once per file, however many transcripts name them.
private struct ExerciseCache {
    let override: String?
    var compiled: [String: Scenario?] = [:]

    mutating func scenario(for file: String, header: TranscriptHeader, strings: Strings, notes: inout [String])
        -> Scenario?
    {
        guard
            let path = VerifyCommand.exercisePath(
                file: file, exercise: override, header: header, strings: strings, notes: &notes)
        else { return nil }
        if let known = compiled[path] {
            if known == nil { notes.append(strings("export.exerciseBroken", path)) }
            return known
        }
        let scenario = VerifyCommand.compileExercise(path, strings: strings, notes: &notes)
        compiled[path] = .some(scenario)
        return scenario
    }
}
